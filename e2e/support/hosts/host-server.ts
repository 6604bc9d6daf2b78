import { createServer } from 'node:http'
import { hostOrigin, hostPort, type HostKind } from './host-origins'

/** One file a host server answers: its media type and body. */
export interface HostFile {
  type: string
  body: string | Buffer
}

/** A running host console. */
export interface HostServer {
  /** The address of a path on the host, e.g. `url('/')`. */
  url(path: string): string
  close(): Promise<void>
}

/**
 * Serves a host console on its origin ({@link hostOrigin}): the listed files by path, and the
 * page for every other path (hosts route in the browser). A real server, not `page.route`:
 * Chromium treats a page fulfilled by Playwright as public and would refuse its calls to
 * loopback.
 */
export async function startHostServer(options: {
  kind: HostKind
  html: string
  files?: Readonly<Record<string, HostFile>>
}): Promise<HostServer> {
  const files = options.files ?? {}
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname
    const file = files[path]
    if (file) {
      response.writeHead(200, { 'content-type': file.type })
      response.end(file.body)
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(options.html)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(hostPort(options.kind), '127.0.0.1', resolve)
  })
  const origin = hostOrigin(options.kind)
  return {
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

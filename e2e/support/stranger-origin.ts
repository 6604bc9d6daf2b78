import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One page of {@link startStrangerOrigin}: its HTML and any response headers. */
export interface StrangerPage {
  html: string
  headers?: Record<string, string>
}

/**
 * A real HTTP server on another origin (`http://127.0.0.1:<free port>`; the system under test
 * is on `localhost`), serving the given pages, as a site that tries to frame or embed ours.
 * Real, not `page.route`: Chromium's local network access checks treat a page fulfilled by
 * Playwright as public and would refuse its requests to loopback for that reason alone.
 */
export async function startStrangerOrigin(pages: Record<string, StrangerPage>) {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? '']
    if (!page) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers })
    response.end(`<!doctype html>${page.html}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    /** The address of a page, e.g. `url('/frame')`. */
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { assertLoopbackVerdaccio } from '../src/registry-guard'

const INSTANCE = 'a1b2c3d4e5f60718'
const OUR_VERDACCIO = `verdaccio/6.10.4 (consumer-test ${INSTANCE})`
const servers: Server[] = []

/** A loopback HTTP server: `answer(path)` gives each request's status, headers and body. */
async function loopbackServer(
  answer: (path: string) => { status: number; headers?: Record<string, string>; body?: string }
): Promise<string> {
  const server = createServer((request, response) => {
    const { status, headers = {}, body = '{}' } = answer(request.url ?? '/')
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}/`
}

/** Answers like the Verdaccio the test starts: ping with its header, the web API's list. */
function verdaccioLike(poweredBy: string, packagesBody = '[]') {
  return (path: string) =>
    path === '/-/verdaccio/data/packages'
      ? { status: 200, headers: { 'x-powered-by': poweredBy }, body: packagesBody }
      : { status: 200, headers: { 'x-powered-by': poweredBy } }
}

afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

describe('the registry guard run before publishing', () => {
  it.each([
    ['https://registry.npmjs.org/', 'a loopback Verdaccio is plain http'],
    ['http://registry.npmjs.org/', 'not a loopback IP address'],
    ['http://localhost:4873/', 'not a loopback IP address'],
    ['http://10.0.0.5:4873/', 'not a loopback IP address'],
    ['http://127.0.0.1.example.com:4873/', 'not a loopback IP address'],
    ['http://user:secret@127.0.0.1:4873/', 'credentials in the URL'],
    ['http://127.0.0.1:4873/npm/', 'not the registry root'],
  ])('refuses %s without sending a request', async (url, why) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).rejects.toThrow(why)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('refuses a loopback server that is not Verdaccio', async () => {
    const url = await loopbackServer(() => ({
      status: 200,
      headers: { 'x-powered-by': 'Express' },
    }))
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).rejects.toThrow(
      'not Verdaccio (X-Powered-By: Express)'
    )
  })

  it('refuses another Verdaccio than the one the test started', async () => {
    const url = await loopbackServer(verdaccioLike('verdaccio/6.10.4'))
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).rejects.toThrow(
      'another Verdaccio than the one this test started'
    )
  })

  it('refuses a server that only copies the header, without Verdaccio’s web API', async () => {
    const url = await loopbackServer(verdaccioLike(OUR_VERDACCIO, '{"error":"not found"}'))
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).rejects.toThrow(
      '/-/verdaccio/data/packages answered 200'
    )
  })

  it('refuses a loopback server whose ping redirects elsewhere', async () => {
    const url = await loopbackServer(() => ({
      status: 302,
      headers: { location: 'https://registry.npmjs.org/-/ping', 'x-powered-by': OUR_VERDACCIO },
    }))
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).rejects.toThrow('/-/ping answered 302')
  })

  it('refuses a loopback port where nothing listens', async () => {
    const url = await loopbackServer(verdaccioLike(OUR_VERDACCIO))
    await new Promise((resolve) => servers.pop()!.close(resolve))
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).rejects.toThrow('no answer to /-/ping')
  })

  it('accepts the Verdaccio the test started on a loopback address', async () => {
    const url = await loopbackServer(verdaccioLike(OUR_VERDACCIO))
    await expect(assertLoopbackVerdaccio(url, INSTANCE)).resolves.toEqual({
      url,
      poweredBy: OUR_VERDACCIO,
    })
  })
})

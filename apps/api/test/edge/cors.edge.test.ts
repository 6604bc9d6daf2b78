// Issue 18 item 4 on workerd: CORS lives in createApp, so the worker answers a preflight and
// marks its answers for the origins of its CORS_ALLOWED_ORIGINS binding, as the Node server does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'

const CONSOLE = 'https://console.edge.example'
const LIST = '/api/v1/customer-development/preregistrations'
let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld({ bindings: { CORS_ALLOWED_ORIGINS: CONSOLE } })
})
afterAll(async () => {
  await world?.stop()
})

/** The `access-control-*` headers of an answer, by name. */
function corsHeadersOf(response: Response): Record<string, string> {
  const found: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (name.startsWith('access-control-')) found[name] = value
  })
  return found
}

function preflight(origin: string) {
  return fetch(`${world.worker.origin}${LIST}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization, accept-language',
    },
  })
}

describe('CORS on the worker', () => {
  it('grants a preflight from its allowed origin and refuses one from another', async () => {
    const granted = await preflight(CONSOLE)
    expect(granted.status).toBe(204)
    const { 'access-control-allow-methods': methods = '', ...others } = corsHeadersOf(granted)
    expect(methods.split(', ').sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST'])
    expect(others).toEqual({
      'access-control-allow-origin': CONSOLE,
      'access-control-allow-headers':
        'Authorization, Content-Type, Idempotency-Key, Accept-Language, X-Request-Id',
      'access-control-max-age': '600',
    })
    expect(granted.headers.get('x-content-type-options')).toBe('nosniff')

    const refused = await preflight('https://evil.example')
    expect(refused.status).toBe(204)
    expect(corsHeadersOf(refused)).toEqual({})
  })

  it('lets the allowed origin read a refusal and its request id, with no credentials mode', async () => {
    const answer = await fetch(`${world.worker.origin}${LIST}`, { headers: { origin: CONSOLE } })
    expect(answer.status).toBe(401)
    expect(corsHeadersOf(answer)).toEqual({
      'access-control-allow-origin': CONSOLE,
      'access-control-expose-headers': 'Retry-After, X-Request-Id',
    })
    expect(answer.headers.get('x-request-id')).toBeTruthy()
    // A signed-in call from the page works the same way: bearer token, no cookie.
    const token = await world.signIn('sales@acme.example')
    const list = await world.call('GET', LIST, { token, headers: { origin: CONSOLE } })
    expect(list.status).toBe(200)
    expect(list.headers.get('access-control-allow-origin')).toBe(CONSOLE)
  })
})

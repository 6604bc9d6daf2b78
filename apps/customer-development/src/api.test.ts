import type { MfeContext } from '@partner-center/mfe-contract'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createModuleApiClient } from './api'
import { isApiError } from '@partner-center/contracts/transport'
import { API_ROUTES, pathOf, type ApiRoute } from '@partner-center/contracts/routes'

function context(onUnauthorized = vi.fn()): MfeContext {
  return {
    locale: 'en',
    basePath: '/cd',
    apiBaseUrl: '/api',
    auth: { getToken: () => Promise.resolve('token-1'), onUnauthorized },
    navigate: vi.fn(),
    events: { emit: vi.fn(), on: vi.fn(() => () => undefined) },
    tenant: { partnerId: 'p', partnerName: 'Acme' },
    featureFlags: {},
    zIndexBase: 2000,
  }
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

describe('module API client', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('sends the token, the language and the idempotency key, and returns the body', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(answer(202, { batchId: 'b' }))
    )
    vi.stubGlobal('fetch', fetch)
    const api = createModuleApiClient(context(), () => 'zh-CN')
    await expect(
      api.sendInvitations({ preregistrationIds: ['a'], associationType: 'reseller' }, 'key-1')
    ).resolves.toEqual({ batchId: 'b' })
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/api/v1/customer-development/invitations')
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'accept-language': 'zh-CN',
      'idempotency-key': 'key-1',
      'content-type': 'application/json',
    })
  })

  it('leaves empty query values out of the list request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(answer(200, { items: [] })))
    vi.stubGlobal('fetch', fetch)
    const api = createModuleApiClient(context(), () => 'en')
    await api.findPreregistrations({ page: 2, pageSize: 50, q: undefined, status: '' })
    expect(fetch.mock.calls[0]?.[0]).toBe(
      '/api/v1/customer-development/preregistrations?page=2&pageSize=50'
    )
  })

  it('turns an error body into an API error and reports a 401 to the host once', async () => {
    const body = { error: { code: 'NOT_AUTHENTICATED', message: 'Sign in.', requestId: 'r-1' } }
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(answer(401, body)))
    )
    const onUnauthorized = vi.fn()
    const api = createModuleApiClient(context(onUnauthorized), () => 'en')
    const first = await api.getMe().catch((error: unknown) => error)
    await api.getMe().catch(() => undefined)
    expect(isApiError(first) && [first.code, first.status, first.requestId]).toEqual([
      'NOT_AUTHENTICATED',
      401,
      'r-1',
    ])
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('answers NETWORK when the request cannot be made', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline')))
    )
    const api = createModuleApiClient(context(), () => 'en')
    await expect(api.getMe()).rejects.toMatchObject({ code: 'NETWORK', status: 0 })
  })

  it('calls, for each of its methods, the table route of the same name with ids encoded', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(answer(200, {})))
    vi.stubGlobal('fetch', fetch)
    const api = createModuleApiClient(context(), () => 'en') as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >
    const called: string[] = []
    const expected: string[] = []
    const fill: (route: ApiRoute, params: Record<string, string>) => string = pathOf
    for (const name of Object.keys(api)) {
      fetch.mockClear()
      const route: ApiRoute | undefined = API_ROUTES[name as keyof typeof API_ROUTES]
      // A delivery's routes take the endpoint's id, then the delivery's.
      const second = route?.path.includes('{deliveryId}') ? 'c/d' : {}
      await api[name]?.('a/b', second)
      const [url, init] = fetch.mock.calls[0] ?? []
      called.push(`${name} ${init?.method} ${(url as string).split('?')[0]}`)
      const params = { id: 'a/b', deliveryId: 'c/d' }
      expected.push(`${name} ${route?.method} /api${route ? fill(route, params) : '?'}`)
    }
    expect(called).toEqual(expected)
    expect(called).toContain(
      'resendInvitation POST /api/v1/customer-development/invitations/a%2Fb/resend'
    )
  })
})

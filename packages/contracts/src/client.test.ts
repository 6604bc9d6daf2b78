import { describe, expect, it, vi } from 'vitest'
import { createApiClient } from './client'
import { ApiError, toApiError } from './api-error'

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

describe('createApiClient', () => {
  it('sends the bearer token and language and parses the answer with the contract schema', async () => {
    const fetch = vi.fn(async (_input: string | URL | Request, _init?: RequestInit) =>
      jsonResponse(200, { items: [], total: 0, page: 2, pageSize: 50 })
    )
    const client = createApiClient({
      baseUrl: '/api',
      getToken: () => 'token-123',
      getLocale: () => 'zh-CN',
      fetch,
    })
    const page = await client.findPreregistrations({ page: 2, pageSize: 50, reveal: 'email' })
    expect(page.page).toBe(2)
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe(
      '/api/v1/customer-development/preregistrations?page=2&pageSize=50&reveal=email'
    )
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer token-123',
      'accept-language': 'zh-CN',
    })
  })

  it('throws ApiError with the server code, message and request id', async () => {
    const client = createApiClient({
      baseUrl: '/api',
      fetch: async () =>
        jsonResponse(403, {
          error: { code: 'PERMISSION_DENIED', message: 'No.', requestId: 'r-1' },
        }),
    })
    const error = await client.getMe().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', status: 403, requestId: 'r-1' })
  })

  it('reports a 401 to onUnauthorized once when a token was sent', async () => {
    const onUnauthorized = vi.fn()
    const client = createApiClient({
      baseUrl: '/api',
      getToken: () => 'expired-token',
      onUnauthorized,
      fetch: async () =>
        jsonResponse(401, { error: { code: 'NOT_AUTHENTICATED', message: 'x', requestId: 'r' } }),
    })
    await expect(client.getMe()).rejects.toThrow(ApiError)
    await expect(client.getMe()).rejects.toThrow(ApiError)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('turns a network failure into code NETWORK and a non-JSON 5xx into INTERNAL', async () => {
    const offline = createApiClient({
      baseUrl: '/api',
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    await expect(offline.getMe()).rejects.toMatchObject({ code: 'NETWORK', status: 0 })
    const broken = createApiClient({
      baseUrl: '/api',
      fetch: async () => new Response('<html>bad gateway</html>', { status: 502 }),
    })
    await expect(broken.getMe()).rejects.toMatchObject({ code: 'INTERNAL', status: 502 })
  })
})

describe('toApiError (the one error-normalising helper)', () => {
  it('keeps an API error and turns anything else into INTERNAL or NETWORK with status 0', () => {
    const known = new ApiError({ code: 'NOT_FOUND', status: 404, message: 'x' })
    expect(toApiError(known)).toBe(known)
    expect(toApiError(new TypeError('boom'))).toMatchObject({
      code: 'INTERNAL',
      status: 0,
      message: 'boom',
    })
    expect(toApiError('text', { code: 'NETWORK' })).toMatchObject({
      code: 'NETWORK',
      message: 'The network request failed.',
    })
    expect(
      toApiError(new Error('secret detail'), { message: 'Unexpected client error.' })
    ).toMatchObject({
      code: 'INTERNAL',
      message: 'Unexpected client error.',
    })
  })
})

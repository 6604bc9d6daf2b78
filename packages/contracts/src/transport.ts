import { apiErrorOf, toApiError } from './api-error'

// No zod here either: see api-error.ts. Answers are parsed by the caller's `parse`, if any.
export {
  ApiError,
  apiErrorOf,
  isApiError,
  toApiError,
  type ApiErrorOptions,
  type ToApiErrorOptions,
} from './api-error'

/** Options of {@link createApiTransport} and `createApiClient`. */
export interface ApiClientOptions {
  /** Origin and prefix, e.g. `/api` or `http://127.0.0.1:3000/api`. */
  baseUrl: string
  /** Current bearer token; `null` for anonymous calls. Asked before every request, never cached. */
  getToken?: () => Promise<string | null> | string | null
  /** Called once per client after a 401 the caller cannot recover from. */
  onUnauthorized?: () => void
  /** `Accept-Language` of every request, so messages come back in the UI language. */
  getLocale?: () => string
  fetch?: typeof fetch
}

/** One request of {@link ApiTransport.request}. */
export interface ApiCall<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  headers?: Record<string, string>
  /** Checks and types the answer; without it the answer is trusted to be `T`. */
  parse?: (json: unknown) => T
}

/** Sends API requests; made by {@link createApiTransport}. */
export interface ApiTransport {
  request<T>(call: ApiCall<T>): Promise<T>
}

function toQueryString(query: ApiCall<unknown>['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The HTTP part every API client shares: asks for the token before each request, sends
 * `Accept-Language`, turns error answers into {@link ApiError} (network failures: code
 * `NETWORK`) and reports the first 401 of a signed-in client once. `createApiClient` adds the
 * contract schemas on top; the micro-frontend uses it bare to keep zod off its first load.
 *
 * @example
 * const api = createApiTransport({ baseUrl: '/api', getToken: () => ctx.auth.getToken() })
 * const me = await api.request<MeResponse>({ method: 'GET', path: '/v1/me' })
 */
export function createApiTransport(options: ApiClientOptions): ApiTransport {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  let unauthorizedReported = false

  async function request<T>(call: ApiCall<T>): Promise<T> {
    const token = await options.getToken?.()
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers }
    if (token) headers.authorization = `Bearer ${token}`
    const locale = options.getLocale?.()
    if (locale) headers['accept-language'] = locale
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await doFetch(`${options.baseUrl}${call.path}${toQueryString(call.query)}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      })
    } catch (cause) {
      throw toApiError(cause, { code: 'NETWORK' })
    }
    if (!response.ok) {
      const error = await apiErrorOf(response)
      if (response.status === 401 && token && !unauthorizedReported) {
        unauthorizedReported = true
        options.onUnauthorized?.()
      }
      throw error
    }
    // 204 No Content (a deleted webhook endpoint) has no body to parse.
    const json: unknown = response.status === 204 ? null : await response.json()
    return call.parse ? call.parse(json) : (json as T)
  }

  return { request }
}

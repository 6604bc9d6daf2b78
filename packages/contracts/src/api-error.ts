// No zod here: the micro-frontend imports this module (through `./transport`) on its first load,
// where zod would add about 30 KB gzip.

/** Options of {@link ApiError}. */
export interface ApiErrorOptions {
  code: string
  status: number
  message: string
  details?: Record<string, unknown>
  requestId?: string
}

/**
 * An error answer of the API as the client sees it: the stable `code` decides behaviour, the
 * `message` is already user-safe and in the request language.
 *
 * @example
 * try { await client.getMe() } catch (e) { if (e instanceof ApiError && e.code === 'NOT_AUTHENTICATED') signIn() }
 */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly details: Record<string, unknown> | undefined
  readonly requestId: string | undefined

  constructor(options: ApiErrorOptions) {
    super(options.message)
    this.name = 'ApiError'
    this.code = options.code
    this.status = options.status
    this.details = options.details
    this.requestId = options.requestId
  }
}

/**
 * Whether a thrown value is an API error: an {@link ApiError}, or any `Error` with a string
 * `code` and a numeric `status` (a host or a test may throw its own).
 *
 * @example
 * if (isApiError(cause) && cause.code === 'QUOTA_EXCEEDED') showQuotaHint()
 */
export function isApiError(value: unknown): value is ApiError {
  return (
    value instanceof Error &&
    typeof (value as Partial<ApiError>).code === 'string' &&
    typeof (value as Partial<ApiError>).status === 'number'
  )
}

/** Options of {@link toApiError}. */
export interface ToApiErrorOptions {
  /** The code of a cause that is not an API error: `INTERNAL` (default), or `NETWORK` for a request that could not be made. */
  code?: 'INTERNAL' | 'NETWORK'
  /** Its message; by default the cause's own (an `Error`'s), else a generic sentence of the code. */
  message?: string
}

const GENERIC_MESSAGES = {
  INTERNAL: 'Unexpected client error.',
  NETWORK: 'The network request failed.',
} as const

/**
 * Any thrown value as an {@link ApiError}, the one step from a failure to what a UI shows: an
 * API error stays itself; anything else (a failed fetch, an answer a schema refused, a
 * programming error) becomes code `INTERNAL` (or `options.code`) with status 0, so every page
 * has a code to decide on and a message. Each UI keeps its own wording through `options.message`.
 *
 * @example
 * toApiError(new TypeError('x')).code // 'INTERNAL'
 * toApiError(new TypeError('fetch failed'), { code: 'NETWORK' }) // ApiError NETWORK, status 0
 */
export function toApiError(cause: unknown, options: ToApiErrorOptions = {}): ApiError {
  if (isApiError(cause)) return cause
  const code = options.code ?? 'INTERNAL'
  return new ApiError({
    code,
    status: 0,
    message: options.message ?? (cause instanceof Error ? cause.message : GENERIC_MESSAGES[code]),
  })
}

/**
 * The {@link ApiError} of an error answer: its body when it has the shape of R8 (checked field
 * by field, so no schema library is needed), else a generic error of the status.
 *
 * @example
 * if (!response.ok) throw await apiErrorOf(response)
 */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown }
  } | null
  const error = body?.error
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      code: error.code,
      status: response.status,
      message: error.message,
      details:
        error.details && typeof error.details === 'object' && !Array.isArray(error.details)
          ? (error.details as Record<string, unknown>)
          : undefined,
      requestId:
        typeof error.requestId === 'string'
          ? error.requestId
          : (response.headers.get('x-request-id') ?? undefined),
    })
  }
  return new ApiError({
    code: response.status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE',
    status: response.status,
    message: `The server answered ${response.status}.`,
    requestId: response.headers.get('x-request-id') ?? undefined,
  })
}

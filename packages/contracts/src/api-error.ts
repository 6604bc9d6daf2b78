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

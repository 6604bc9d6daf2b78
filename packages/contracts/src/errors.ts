import { z } from 'zod'

/** One validation problem, addressed by a dotted path (`emails.3`). */
export const ValidationIssue = z.object({ path: z.string(), message: z.string() })

/** The one error body every endpoint answers with (domain.md R8). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'ErrorBody' })
export type ErrorBody = z.infer<typeof ErrorBody>

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

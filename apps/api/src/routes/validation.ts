import type { Hook, z } from '@hono/zod-openapi'
import type { AppEnv } from '../deps'
import { AppError } from '../errors'

/**
 * The one validation-error shape of every route (architecture.md §5): 400 `VALIDATION_FAILED`
 * with `details.issues: [{ path: 'emails.3', message }]`.
 */
export const throwValidationError: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
  throw new AppError('VALIDATION_FAILED', 400, { issues })
}

/** Standard error responses for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      },
    ])
  )
}

/** `content` of a JSON answer in a route definition. */
export function jsonContent<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } }
}

/** A required JSON request body in a route definition. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

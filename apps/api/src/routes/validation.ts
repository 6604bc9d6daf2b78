import type { Hook, z } from '@hono/zod-openapi'
import { ErrorBody } from '@partner-center/contracts'
import { controlCharacterPaths } from '@partner-center/domain'
import type { Context } from 'hono'
import type { AppEnv } from '../deps'
import { AppError } from '../errors'

/**
 * The input of a validation target as the client sent it, before any schema trimmed or split
 * it: the query (a key sent once is a string, as the validator sees it), the path parameters or
 * the JSON body (Hono caches the parse, so this does not read the body twice). Headers are taken
 * as validated: only the declared ones, not every header of the request.
 */
async function sentInput(c: Context<AppEnv>, target: string, validated: unknown) {
  switch (target) {
    case 'query':
      return Object.fromEntries(
        Object.entries(c.req.queries()).map(([key, values]) => [
          key,
          values.length === 1 ? values[0] : values,
        ])
      )
    case 'param':
      return c.req.param()
    case 'json':
      return c.req.json<unknown>()
    default:
      return validated
  }
}

/**
 * The one validation step of every route (architecture.md §5), and so the one place where text
 * input is checked for control characters (R4): a query value, a path parameter, a declared
 * header or any string of a JSON body holding a control character (C0, DEL, C1, U+2028, U+2029)
 * is refused, whatever the field's own schema says, before anything reaches a rule or a query
 * (a NUL used to reach PostgreSQL and answer 500). The answer is 400 `VALIDATION_FAILED` with
 * `details.issues: [{ path: 'emails.3', message }]`; control characters are reported with the
 * message `CONTROL_CHARACTER`, naming the field, never echoing the value.
 */
export const throwValidationError: Hook<unknown, AppEnv, string, unknown> = async (result, c) => {
  const sent = await sentInput(c, result.target, result.success ? result.data : undefined)
  const issues = [
    ...(result.success
      ? []
      : result.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        }))),
    ...controlCharacterPaths(sent).map((path) => ({ path, message: 'CONTROL_CHARACTER' })),
    // The query is validated before the path parameters: a refused query names theirs too.
    ...(result.target === 'query' ? controlCharacterPaths(c.req.param()) : []).map((path) => ({
      path,
      message: 'CONTROL_CHARACTER',
    })),
  ]
  if (issues.length > 0) throw AppError.of('VALIDATION_FAILED', { issues })
}

/**
 * Standard error responses for the OpenAPI document: the contracts' `ErrorBody` (R8), which the
 * generator emits once as `#/components/schemas/ErrorBody` and references from every answer.
 */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: 'Error', content: jsonContent(ErrorBody) }])
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

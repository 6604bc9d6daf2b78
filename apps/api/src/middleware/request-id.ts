import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

/**
 * Keeps the caller's `X-Request-Id` when it is 1–64 safe characters, else makes one (R78), and
 * echoes it on every answer.
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    const id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', id)
    c.header('x-request-id', id)
    await next()
  }
}

import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'

/** Whether the request announced a body (a length above 0, or a chunked one). */
function hasBody(c: Context<AppEnv>): boolean {
  const length = c.req.header('content-length')
  if (length !== undefined) return length.trim() !== '0'
  return c.req.header('transfer-encoding') !== undefined
}

/**
 * Answers `Connection: close` when the request body was left unread: a 413 (refused from its
 * `Content-Length`, or part-way through a chunked body), a 401, 403, 404 or 429 given before a
 * handler read it. Without it the answer said `keep-alive` while @hono/node-server drained the
 * unread body for up to 500 ms and then closed the socket, so a client reusing the connection
 * lost its next request (`socket hang up`), or had it read as the rest of the previous body.
 * A body the app did read (even one refused by validation) keeps the connection.
 */
export function closeWhenBodyUnread(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (!hasBody(c)) return
    // Hono caches every body it reads (json, text, …), so an empty cache means nobody read it.
    const read = Object.keys(c.req.bodyCache).length > 0
    if (read && c.res.status !== 413) return
    c.header('connection', 'close')
  }
}

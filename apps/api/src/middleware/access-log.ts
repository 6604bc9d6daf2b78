import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { AppLogger } from '../logging/app-logger'
import type { AppEnv } from '../deps'

/**
 * One JSON line per request with the route template (never the raw path, which could carry ids
 * a log reader should not correlate), status and duration (architecture.md §5 Logging), and the
 * key's id for a request made with an API key (R142).
 */
export function accessLog(logger: AppLogger): MiddlewareHandler<AppEnv> {
  // The line holds only fixed fields (a checked request id, the method, the route template, the
  // status and the duration), so redaction has nothing to find there; it cloned every line's
  // fields, about 3 µs and 5 KB of garbage per request.
  const lines = logger.child({}, { redact: [] })
  return async (c, next) => {
    const started = performance.now()
    // The request id is a field, not a child logger: building a child per request cost more
    // CPU than writing the line.
    await next()
    const principal = c.get('principal')
    lines.info(
      {
        requestId: c.get('requestId'),
        // A request with an API key names the key's id, never the key (R142).
        ...(principal?.kind === 'api_key' || principal?.kind === 'platform_key'
          ? { apiKeyId: principal.keyId }
          : {}),
        method: c.req.method,
        route: routePath(c, -1),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request'
    )
  }
}

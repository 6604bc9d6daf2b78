import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { isLoopbackAddress, resolveClientAddress } from '../middleware/client-address'

// `localhost`, `127.0.0.1` or `[::1]`, with any port: the names a browser on this machine uses.
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i

/**
 * Whether a request names this machine: its `Host` header (when sent) and the host of its URL
 * are both loopback names. A page on another site whose name was re-pointed at 127.0.0.1 (DNS
 * rebinding) still sends its own name in `Host`, so it is refused.
 */
export function hasLoopbackHost(c: Context<AppEnv>): boolean {
  const header = c.req.header('host')
  if (header !== undefined && !LOOPBACK_HOST.test(header.trim())) return false
  return LOOPBACK_HOST.test(new URL(c.req.url).host)
}

/**
 * Whether a request may reach a development route: outside production, from this machine (the
 * socket peer and the R59 client address are both loopback, so a local reverse proxy does not
 * open it to the world) and naming this machine in `Host` ({@link hasLoopbackHost}).
 */
export function isDevRequestAllowed(deps: AppDeps, c: Context<AppEnv>): boolean {
  if (deps.config.appEnv === 'production') return false
  const socket = deps.getClientAddress?.(c) ?? 'unknown'
  return (
    isLoopbackAddress(socket) &&
    isLoopbackAddress(resolveClientAddress(deps, c)) &&
    hasLoopbackHost(c)
  )
}

/**
 * Guards the development routes (fixtures of domain.md §10.5, the mailbox): anything else is
 * answered 404 `NOT_FOUND`, as if the route did not exist.
 */
export function devRouteGuard(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isDevRequestAllowed(deps, c)) throw AppError.of('NOT_FOUND')
    await next()
  }
}

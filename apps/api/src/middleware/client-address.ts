import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../deps'

/**
 * The client address of R59: the socket's, or the left-most `X-Forwarded-For` entry only when
 * the socket address is a trusted proxy. Without a socket (fetch-only runtimes, tests without
 * `getClientAddress`) the address is `unknown`, so no header can spoof a fresh address.
 */
export function resolveClientAddress(deps: AppDeps, c: Context<AppEnv>): string {
  const socket = deps.getClientAddress?.(c) ?? 'unknown'
  if (!deps.config.trustedProxies.includes(socket)) return socket
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded && forwarded.length <= 64 ? forwarded : socket
}

/** Whether an address is the local machine (fixture endpoints answer only there, §10.5). */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

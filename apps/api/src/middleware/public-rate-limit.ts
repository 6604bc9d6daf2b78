import type { MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { hitRateLimit, secondsLeftInWindow } from '../security/rate-limit'
import { rateLimited } from '../security/sign-in-limits'
import { resolveClientAddress } from './client-address'

/**
 * R59: the public link endpoints allow `PUBLIC_RATE_LIMIT_PER_MINUTE` requests per client
 * address per minute, counted in PostgreSQL so several API processes share the budget; this is
 * what stops token guessing. Portal answers are never cached and never leak a Referer (R60).
 */
export function publicRateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('cache-control', 'no-store')
    c.header('referrer-policy', 'no-referrer')
    const window = {
      bucketKey: `public:address:${resolveClientAddress(deps, c)}`,
      windowSeconds: 60,
      now: deps.clock.now(),
    }
    if ((await hitRateLimit(deps.db, window)) > deps.config.publicRateLimitPerMinute) {
      throw rateLimited(secondsLeftInWindow(window))
    }
    await next()
  }
}

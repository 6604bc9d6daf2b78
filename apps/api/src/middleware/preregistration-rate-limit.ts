import type { MiddlewareHandler } from 'hono'
import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { hitRateLimit, secondsLeftInWindow } from '../security/rate-limit'
import { rateLimited } from '../security/sign-in-limits'

const HOUR_SECONDS = 60 * 60
const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;|$)/i

/**
 * Reads the body (Hono caches it for the validator) before anything is counted: a body over the
 * size limit (413) or one that is not JSON (400) never reaches a rule, so it tells nothing about
 * a customer and, like all bad input, must write nothing, not even a counter row.
 */
async function readBodyBeforeCounting(c: Context<AppEnv>): Promise<void> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    await c.req.text()
    return
  }
  try {
    await c.req.json()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw AppError.of('VALIDATION_FAILED')
  }
}

/**
 * R59a: pre-registration attempts per user (`PREREGISTRATION_RATE_LIMIT_PER_USER_PER_HOUR`,
 * 120) and per partner (`…_PER_PARTNER_PER_HOUR`, 600) per hour; beyond, 429 `RATE_LIMITED`
 * with `Retry-After`. Every attempt counts, accepted or refused (a refusal tells account facts:
 * associated, a partner account, a special contract), so probing identities costs the same as
 * pre-registering them. A user over their own limit is refused before the partner's counter, so
 * one user cannot use up the whole partner's budget. Counters live in PostgreSQL, shared by all
 * API processes. Runs after the partner guard (it needs the user) and before validation.
 */

export function preregistrationRateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await readBodyBeforeCounting(c)
    const scope = c.get('partnerScope')
    const now = deps.clock.now()
    const user = {
      bucketKey: `preregister:user:${scope.userId}`,
      windowSeconds: HOUR_SECONDS,
      now,
    }
    if ((await hitRateLimit(deps.db, user)) > deps.config.preregistrationRateLimitPerUserPerHour) {
      throw rateLimited(secondsLeftInWindow(user))
    }
    const partner = {
      bucketKey: `preregister:partner:${scope.partner.id}`,
      windowSeconds: HOUR_SECONDS,
      now,
    }
    if (
      (await hitRateLimit(deps.db, partner)) > deps.config.preregistrationRateLimitPerPartnerPerHour
    ) {
      throw rateLimited(secondsLeftInWindow(partner))
    }
    await next()
  }
}

import type { AppConfig } from './deps'
import type { Env } from './env'

/** Where the portal lives when PUBLIC_BASE_URL is not set (development and tests only). */
export const DEFAULT_PORTAL_URL = 'http://localhost:4175'

/** The mail domain of `MAIL_FROM`, used in Message-IDs (domain.md §3.5). */
export function mailDomainOf(mailFrom: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(mailFrom)
  return match?.[1] ?? 'partner-center.local'
}

/** The app's settings from the parsed environment. */
export function configFromEnv(env: Env): AppConfig {
  return {
    appEnv: env.APP_ENV,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? DEFAULT_PORTAL_URL,
    platformName: env.PLATFORM_NAME,
    accessTokenTtlMinutes: env.ACCESS_TOKEN_TTL_MINUTES,
    accessTokenMaxHours: env.ACCESS_TOKEN_MAX_HOURS,
    invitationTtlDays: env.INVITATION_TTL_DAYS,
    outboxMaxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    signInMaxFailures: env.SIGN_IN_MAX_FAILURES,
    signInRateLimitPerMinute: env.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: env.API_BODY_LIMIT_BYTES,
    requestTimeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
    trustedProxies: env.TRUSTED_PROXIES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    mailDomain: env.MAIL_DOMAIN ?? mailDomainOf(env.MAIL_FROM),
  }
}

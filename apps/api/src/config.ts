import type { AppConfig } from './deps'
import type { Env } from './env'
import { decodeDataKey, DEVELOPMENT_ONLY_DATA_KEY, type DataKeySet } from './security/keyring'

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
    invitationReminderHours: env.INVITATION_REMINDER_HOURS,
    outboxMaxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    signInMaxFailures: env.SIGN_IN_MAX_FAILURES,
    signInBackoffCapSeconds: env.SIGN_IN_BACKOFF_CAP_SECONDS,
    signInRateLimitPerMinute: env.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
    preregistrationRateLimitPerUserPerHour: env.PREREGISTRATION_RATE_LIMIT_PER_USER_PER_HOUR,
    preregistrationRateLimitPerPartnerPerHour: env.PREREGISTRATION_RATE_LIMIT_PER_PARTNER_PER_HOUR,
    bodyLimitBytes: env.API_BODY_LIMIT_BYTES,
    requestTimeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
    trustedProxies: env.TRUSTED_PROXIES,
    mailDomain: env.MAIL_DOMAIN ?? mailDomainOf(env.MAIL_FROM),
    corsAllowedOrigins: env.CORS_ALLOWED_ORIGINS,
    apiDocs: apiDocsEnabled(env),
    webhookTimeoutSeconds: env.WEBHOOK_TIMEOUT_SECONDS,
    webhookRetryWindowHours: env.WEBHOOK_RETRY_WINDOW_HOURS,
    webhookDisableAfterHours: env.WEBHOOK_DISABLE_AFTER_HOURS,
  }
}

/**
 * Whether `/api/docs` serves the API reference: `API_DOCS` when set, else on outside production.
 * Production keeps it off unless asked: it is a developer's aid (5 MB of Scalar, a try-it
 * client), and an operator who publishes it says so.
 */
export function apiDocsEnabled(env: Pick<Env, 'API_DOCS' | 'APP_ENV'>): boolean {
  return (env.API_DOCS ?? (env.APP_ENV === 'production' ? 'off' : 'on')) === 'on'
}

/**
 * The keyring's keys: `DATA_ENCRYPTION_KEY` under `DATA_ENCRYPTION_KEY_ID` writes; the retired
 * keys of `DATA_ENCRYPTION_PREVIOUS_KEYS` still read. Outside production an unset key is the
 * public development key (`readEnv` refuses that in production, and repeated key ids).
 */
export function dataKeysFromEnv(env: Env): DataKeySet {
  const secret = decodeDataKey(env.DATA_ENCRYPTION_KEY ?? DEVELOPMENT_ONLY_DATA_KEY)
  if (!secret) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes in base64')
  return {
    current: { id: env.DATA_ENCRYPTION_KEY_ID, secret },
    previous: env.DATA_ENCRYPTION_PREVIOUS_KEYS,
  }
}

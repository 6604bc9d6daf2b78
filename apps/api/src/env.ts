import { resolveReminderHours, WEBHOOK_ADDRESS_POLICIES } from '@partner-center/domain'
import { z } from 'zod'
import { resolveDemoSettings, withDefaultAppEnv, type DemoSettings } from './env-profile'
import { parseTrustedProxies } from './middleware/client-address'
import { isTrustworthyOrigin, originProblem } from './middleware/cors'
import { decodeDataKey, isDevelopmentOnlyDataKey, KEY_ID_PATTERN } from './security/keyring'

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** A comma-separated list, each entry trimmed, empty ones dropped; unset is an empty list. */
const commaList = () =>
  z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
    )

const EnvSchema = z.object({
  // Unset: production when DATABASE_URL is set, else development (env-profile.ts).
  APP_ENV: z.enum(['development', 'test', 'production']),
  DATABASE_URL: z.string().min(1).optional(),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  MIGRATIONS_DIR: z.string().min(1).optional(),
  SMTP_URL: z.string().min(1).optional(),
  SMTP_SINK_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  MAIL_FROM: z.string().min(3).default('Partner Center <no-reply@partner-center.local>'),
  PUBLIC_BASE_URL: z.url().optional(),
  PLATFORM_NAME: z.string().min(1).max(60).default('Example Cloud'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(10_080).default(480),
  ACCESS_TOKEN_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  // Hours before expiry of the reminder (R115); its range depends on INVITATION_TTL_DAYS, so
  // `readEnv` resolves it with the domain's rule after parsing. Blank counts as unset.
  INVITATION_REMINDER_HOURS: z.string().trim().optional(),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  OUTBOX_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  OUTBOX_BACKOFF_CAP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3_600),
  // Three loops of 10 keep the 5 pooled SMTP connections busy while claims, token issues and
  // settles wait on PostgreSQL (bench/email-dispatch.mjs); the in-flight window is 30 rows.
  OUTBOX_CLAIM_LOOPS: z.coerce.number().int().min(1).max(32).default(3),
  OUTBOX_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  // Webhook delivery (domain.md §13.8, R131–R136); ranges of LIMIT_RANGES.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(30).default(10),
  WEBHOOK_RETRY_WINDOW_HOURS: z.coerce.number().int().min(1).max(72).default(24),
  WEBHOOK_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(5),
  WEBHOOK_BACKOFF_CAP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3_600),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  WEBHOOK_SEND_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(20),
  WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  WEBHOOK_CLAIM_LOOPS: z.coerce.number().int().min(1).max(16).default(2),
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(20),
  WEBHOOK_FANOUT_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
  WEBHOOK_LEASE_SECONDS: z.coerce.number().int().min(2).max(3_600).default(60),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  // Unset: `public` in production, `any` elsewhere; production refuses anything but `public`.
  WEBHOOK_ADDRESS_POLICY: z.enum(WEBHOOK_ADDRESS_POLICIES).optional(),
  DISPATCHER_IN_PROCESS: flag.default(false),
  MAIL_DOMAIN: z.string().min(1).max(253).optional(),
  // Failed sign-ins per account and client address per 15 minutes (R59).
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(5),
  // Longest per-account delay after consecutive failures (1 s doubling); 0 turns it off.
  SIGN_IN_BACKOFF_CAP_SECONDS: z.coerce.number().int().min(0).max(86_400).default(900),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  // Pre-registration attempts, accepted or refused, per user and per partner per hour (R59a).
  PREREGISTRATION_RATE_LIMIT_PER_USER_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(120),
  PREREGISTRATION_RATE_LIMIT_PER_PARTNER_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(600),
  API_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  // The API reference at /api/docs; unset: on outside production, off in production (config.ts).
  API_DOCS: z.enum(['on', 'off']).optional(),
  // Worker only: the client address is the `cf-connecting-ip` Cloudflare sets (worker/).
  BEHIND_CLOUDFLARE: flag.default(false),
  TRUSTED_PROXIES: commaList().superRefine((entries, ctx) => {
    try {
      parseTrustedProxies(entries)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message })
    }
  }),
  // Exact origins whose pages may call the API (middleware/cors.ts); none in every environment:
  // the shell, the portal and the module's harness proxy /api, so their calls are same-origin.
  CORS_ALLOWED_ORIGINS: commaList().superRefine((entries, ctx) => {
    for (const entry of entries) {
      const problem = originProblem(entry)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }
  }),
  // Root key of keyring.ts (32 bytes, base64); DATA_ENCRYPTION_PREVIOUS_KEYS: `id:base64,…`.
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((text) => decodeDataKey(text) !== null, 'must be 32 bytes in base64')
    .optional(),
  DATA_ENCRYPTION_KEY_ID: z.string().regex(KEY_ID_PATTERN).default('k1'),
  DATA_ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    .default('')
    .transform((list, ctx) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const [id = '', secret = ''] = entry.split(':')
          const bytes = decodeDataKey(secret)
          if (!KEY_ID_PATTERN.test(id) || !bytes) {
            ctx.addIssue({
              code: 'custom',
              message: 'each entry must be <key id>:<32 bytes in base64>',
            })
          }
          return { id, secret: bytes ?? new Uint8Array(0) }
        })
    ),
  // Development and test only; defaults and production refusals in env-profile.ts.
  SEED_TOKEN_SECRET: z.string().min(16).optional(),
  DEMO_SEED: flag.optional(),
})

/** The parsed process environment of the API and the dispatcher. */
export type Env = Omit<
  z.infer<typeof EnvSchema>,
  keyof DemoSettings | 'INVITATION_REMINDER_HOURS'
> &
  DemoSettings & {
    /** The effective hours of R115: the default when unset, `0` when reminders are off. */
    INVITATION_REMINDER_HOURS: number
  }

/** Which entry reads the environment: they need different things in production. */
export type EnvRuntime = 'node' | 'worker' | 'migrate'

/**
 * What production cannot run without, per entry. The Node API sends mail (or runs beside a
 * dispatcher that does), so it needs SMTP_URL; the worker only answers requests, and its
 * database comes from the Hyperdrive binding or DATABASE_URL (worker-env.ts); the migrate
 * command only changes the schema.
 */
const REQUIRED_IN_PRODUCTION = {
  node: ['DATABASE_URL', 'SMTP_URL', 'PUBLIC_BASE_URL', 'DATA_ENCRYPTION_KEY'],
  worker: ['DATABASE_URL', 'PUBLIC_BASE_URL', 'DATA_ENCRYPTION_KEY'],
  migrate: ['DATABASE_URL'],
} as const satisfies Record<EnvRuntime, readonly (keyof Env)[]>

/**
 * Reads and validates the environment once; the only reader of it (architecture.md): Node's
 * `process.env`, or the worker's bindings through `readWorkerEnv`. Refuses production settings
 * that would leak demo behaviour or run without what the entry needs (domain.md §8 `APP_ENV`).
 */
export function readEnv(
  source: Record<string, string | undefined> = process.env,
  runtime: EnvRuntime = 'node'
): Env {
  const parsed = EnvSchema.safeParse(withDefaultAppEnv(source))
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env: Env = {
    ...parsed.data,
    ...resolveDemoSettings(parsed.data, source),
    INVITATION_REMINDER_HOURS: reminderHoursOf(parsed.data),
  }
  const keyIds = [env.DATA_ENCRYPTION_KEY_ID, ...env.DATA_ENCRYPTION_PREVIOUS_KEYS.map((k) => k.id)]
  if (new Set(keyIds).size !== keyIds.length) {
    throw new Error('Invalid environment:\n  DATA_ENCRYPTION_PREVIOUS_KEYS: repeats a key id')
  }
  refuseInconsistentWebhookSettings(env)
  if (env.APP_ENV === 'production') refuseIncompleteProduction(env, runtime)
  return env
}

/**
 * `INVITATION_REMINDER_HOURS` resolved by the domain (R115): unset or blank is the default
 * min(48, `INVITATION_TTL_DAYS` × 12); an explicit value that is not an integer 0 …
 * `INVITATION_TTL_DAYS` × 24 − 1 stops the process at start, naming the variable.
 */
function reminderHoursOf(parsed: {
  INVITATION_REMINDER_HOURS?: string
  INVITATION_TTL_DAYS: number
}) {
  const text = parsed.INVITATION_REMINDER_HOURS
  // Plain decimal digits only: Number() would also read '0x10', '1e1' or ' '.
  const explicit = !text ? undefined : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN
  const resolved = resolveReminderHours(explicit, parsed.INVITATION_TTL_DAYS)
  if (resolved.ok) return resolved.value
  const detail = resolved.error.details?.message
  const message = typeof detail === 'string' ? detail : resolved.error.code
  throw new Error(`Invalid environment:\n  INVITATION_REMINDER_HOURS: ${message}`)
}

/**
 * Webhook settings that contradict each other or the environment (domain.md §13.8, R136):
 * production reaches only public addresses, whatever the entry; a lease must outlast an
 * attempt; an endpoint is disabled only after failing at least as long as the longest retry
 * delay.
 */
function refuseInconsistentWebhookSettings(env: Env): void {
  const problems: string[] = []
  if (env.APP_ENV === 'production' && (env.WEBHOOK_ADDRESS_POLICY ?? 'public') !== 'public') {
    problems.push('WEBHOOK_ADDRESS_POLICY: production allows only public')
  }
  if (env.WEBHOOK_LEASE_SECONDS <= env.WEBHOOK_TIMEOUT_SECONDS) {
    problems.push('WEBHOOK_LEASE_SECONDS: must be above WEBHOOK_TIMEOUT_SECONDS')
  }
  if (env.WEBHOOK_DISABLE_AFTER_HOURS * 3600 < env.WEBHOOK_BACKOFF_CAP_SECONDS) {
    problems.push('WEBHOOK_DISABLE_AFTER_HOURS: must be at least WEBHOOK_BACKOFF_CAP_SECONDS')
  }
  if (problems.length > 0) {
    throw new Error(`Invalid environment:\n${problems.map((line) => `  ${line}`).join('\n')}`)
  }
}

/** The settings of `migrate.ts`: production needs only the database it migrates. */
export function readMigrateEnv(): Env {
  return readEnv(process.env, 'migrate')
}

function refuseIncompleteProduction(env: Env, runtime: EnvRuntime): void {
  const required: readonly (keyof Env)[] = REQUIRED_IN_PRODUCTION[runtime]
  // The key has its own sentence below, saying what it must be.
  const missing = required.filter((k) => k !== 'DATA_ENCRYPTION_KEY' && !env[k])
  if (missing.length > 0) throw new Error(`APP_ENV=production requires ${missing.join(', ')}`)
  if (required.includes('PUBLIC_BASE_URL') && !env.PUBLIC_BASE_URL?.startsWith('https://')) {
    throw new Error('APP_ENV=production requires an https PUBLIC_BASE_URL')
  }
  const key = env.DATA_ENCRYPTION_KEY
  if (required.includes('DATA_ENCRYPTION_KEY') && (!key || isDevelopmentOnlyDataKey(key))) {
    throw new Error('APP_ENV=production requires DATA_ENCRYPTION_KEY (32 random bytes, base64)')
  }
  const insecure = env.CORS_ALLOWED_ORIGINS.filter((origin) => !isTrustworthyOrigin(origin))
  if (insecure.length > 0) {
    throw new Error(
      `APP_ENV=production allows only https origins in CORS_ALLOWED_ORIGINS (or loopback ones): ${insecure.join(', ')}`
    )
  }
}

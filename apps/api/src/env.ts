import { z } from 'zod'

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

const EnvSchema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
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
  DISPATCHER_IN_PROCESS: flag.default(false),
  MAIL_DOMAIN: z.string().min(1).max(253).optional(),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(5),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  API_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  TRUSTED_PROXIES: z.string().default(''),
  SEED_TOKEN_SECRET: z.string().min(16).default('development-only-seed-token-secret'),
  DEMO_SEED: flag.default(true),
})

/** The parsed process environment of the API and the dispatcher. */
export type Env = z.infer<typeof EnvSchema>

/**
 * Reads and validates `process.env` once; the only reader of the environment (architecture.md).
 * Refuses production settings that would leak demo behaviour (domain.md §8 `APP_ENV`).
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  if (env.APP_ENV === 'production') {
    const missing = (['DATABASE_URL', 'SMTP_URL', 'PUBLIC_BASE_URL'] as const).filter(
      (k) => !env[k]
    )
    if (missing.length > 0) throw new Error(`APP_ENV=production requires ${missing.join(', ')}`)
    if (!env.PUBLIC_BASE_URL?.startsWith('https://')) {
      throw new Error('APP_ENV=production requires an https PUBLIC_BASE_URL')
    }
  }
  return env
}

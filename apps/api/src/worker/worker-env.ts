import { readEnv, type Env } from '../env'

/**
 * The bindings of the worker (wrangler.jsonc): `vars` and secrets as strings under the names of
 * env.ts, and in production a Hyperdrive binding whose connection string takes the place of
 * `DATABASE_URL` (Hyperdrive keeps the pool next to the database; the worker connects per request).
 */
export interface WorkerBindings {
  HYPERDRIVE?: { connectionString: string }
  [name: string]: unknown
}

/**
 * Reads the worker's settings with the same schema and refusals as the Node entries (env.ts),
 * and two differences: `APP_ENV` is production unless a binding says otherwise, and production
 * requires the database, `PUBLIC_BASE_URL` and `DATA_ENCRYPTION_KEY`, not `SMTP_URL` (mail is
 * the Node dispatcher's work).
 *
 * @example
 * readWorkerEnv({ HYPERDRIVE: { connectionString }, PUBLIC_BASE_URL: 'https://…', DATA_ENCRYPTION_KEY: '…' })
 */
export function readWorkerEnv(bindings: WorkerBindings): Env {
  const source: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(bindings)) {
    if (typeof value === 'string') source[name] = value
  }
  // Unlike Node's default (env-profile.ts), a worker always has a real database: production.
  if (!source.APP_ENV?.trim()) source.APP_ENV = 'production'
  const hyperdrive = bindings.HYPERDRIVE?.connectionString
  if (hyperdrive) source.DATABASE_URL = hyperdrive
  return readEnv(source, 'worker')
}

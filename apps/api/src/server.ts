import { createHash } from 'node:crypto'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createDb, migrateDb } from '@partner-center/db'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { configFromEnv } from './config'
import type { AppDeps } from './deps'
import { deliverDemoEmails } from './dev/deliver-demo-emails'
import { startDevelopmentServices } from './dev/start-development-services'
import { readEnv, type Env } from './env'
import { createLogger } from './logger'
import { surviveLostDatabaseConnections } from './process-guards'
import { createSmtpTransport, type SmtpTransport } from './outbox/create-smtp-transport'
import { dispatcherConfigFromEnv } from './outbox/dispatcher-config'
import { startDispatcher, type Dispatcher } from './outbox/start-dispatcher'
import { createScryptPasswordHasher } from './security/scrypt-passwords'

/** Migrations beside the bundle (copied by the build), unless MIGRATIONS_DIR says otherwise. */
function migrationsFolder(override: string | undefined): string {
  return override ?? fileURLToPath(new URL('./migrations', import.meta.url))
}

/**
 * Whether this process runs the dispatcher: always on PGlite (one process per data folder) and
 * with the in-process sink (only this process knows it), else when `DISPATCHER_IN_PROCESS` says
 * so; otherwise `dispatcher.js` runs on its own.
 */
function runsDispatcherInProcess(env: Env): boolean {
  return !env.DATABASE_URL || !env.SMTP_URL || env.DISPATCHER_IN_PROCESS
}

async function main() {
  const env = readEnv()
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'api' })
  surviveLostDatabaseConnections(logger)
  const handle = createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
  await migrateDb(handle, { migrationsFolder: migrationsFolder(env.MIGRATIONS_DIR) })

  const config = configFromEnv(env)
  const clock = { now: () => new Date() }
  const deps: AppDeps = {
    db: handle.db,
    dbKind: handle.kind,
    clock,
    logger,
    passwords: createScryptPasswordHasher(),
    hashBearerToken: (token) => createHash('sha256').update(token).digest('hex'),
    config,
    // The socket's address, for rate limits and loopback-only fixtures (R59, §10.5).
    getClientAddress: (c) => getConnInfo(c).remote.address,
  }
  const development =
    env.APP_ENV === 'production' ? null : await startDevelopmentServices({ env, deps })
  deps.devRoutes = development?.routes ?? []

  const smtpUrl = env.SMTP_URL ?? development?.smtpUrl ?? null
  let transport: SmtpTransport | null = null
  let dispatcher: Dispatcher | null = null
  if (smtpUrl && runsDispatcherInProcess(env)) {
    transport = createSmtpTransport({ url: smtpUrl })
    const dispatcherConfig = dispatcherConfigFromEnv(env)
    dispatcher = startDispatcher({
      db: handle.db,
      clock,
      logger,
      transport,
      config: dispatcherConfig,
    })
    if (development?.sink && env.DEMO_SEED) {
      deliverDemoEmails({
        db: handle.db,
        transport,
        config: dispatcherConfig,
        logger,
        seedTokenSecret: env.SEED_TOKEN_SECRET,
      }).catch((error: unknown) => {
        logger.error({ err: { type: (error as Error).name } }, 'demo emails not delivered')
      })
    }
  }

  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info(
      { port: info.port, database: handle.kind, appEnv: env.APP_ENV, dispatcher: !!dispatcher },
      'api listening'
    )
  })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'api stopping')
    server.close()
    // Drain the dispatcher before the sink and the database go away.
    await dispatcher?.stop()
    transport?.close()
    await development?.stop()
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

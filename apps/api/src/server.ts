import { createHash } from 'node:crypto'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createDb, migrateDb } from '@partner-center/db'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { configFromEnv, dataKeysFromEnv } from './config'
import type { AppDeps } from './deps'
import { readEnv, type Env } from './env'
import { logDataSteps } from './log-data-steps'
import { errorLogFields, startupFailureText } from './error-log-fields'
import { createLogger } from './logger'
import { surviveLostDatabaseConnections } from './process-guards'
import { createSmtpTransport, type SmtpTransport } from './outbox/create-smtp-transport'
import { dispatcherConfigFromEnv } from './outbox/dispatcher-config'
import { startDispatcher, type Dispatcher } from './outbox/start-dispatcher'
import { disableDemoCredentials } from './security/disable-demo-credentials'
import { createKeyring } from './security/keyring'
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
  const handle = await createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
  const migrated = await migrateDb(handle, {
    migrationsFolder: migrationsFolder(env.MIGRATIONS_DIR),
  })
  logDataSteps(logger, migrated)
  if (env.APP_ENV === 'production') {
    await disableDemoCredentials(handle.db, { now: new Date(), logger })
  }

  const config = configFromEnv(env)
  const clock = { now: () => new Date() }
  const deps: AppDeps = {
    db: handle.db,
    dbKind: handle.kind,
    clock,
    logger,
    passwords: createScryptPasswordHasher(),
    keyring: createKeyring(dataKeysFromEnv(env)),
    hashBearerToken: (token) => createHash('sha256').update(token).digest('hex'),
    config,
    // The socket's address, for rate limits and loopback-only fixtures (R59, §10.5).
    getClientAddress: (c) => getConnInfo(c).remote.address,
  }
  // Loaded with import() so a production process never loads the development-only packages
  // (smtp-server, mailparser) the sink needs (issue 13).
  const development =
    env.APP_ENV === 'production'
      ? null
      : await import('./dev/start-development-services').then((dev) =>
          dev.startDevelopmentServices({ env, deps })
        )
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
    const seedTokenSecret = env.SEED_TOKEN_SECRET
    if (development?.sink && env.DEMO_SEED && seedTokenSecret) {
      const mail = { db: handle.db, transport, config: dispatcherConfig, logger, seedTokenSecret }
      import('./dev/deliver-demo-emails')
        .then((dev) => dev.deliverDemoEmails(mail))
        .catch((error: unknown) => {
          logger.error({ err: errorLogFields(error) }, 'demo emails not delivered')
        })
    }
  }

  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info(
      {
        port: info.port,
        database: handle.kind,
        appEnv: env.APP_ENV,
        dispatcher: !!dispatcher,
        node: process.versions.node,
      },
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
  console.error(startupFailureText(error))
  process.exit(1)
})

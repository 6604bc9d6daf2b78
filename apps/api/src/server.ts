import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createScalarScriptLoader } from './api-reference-script'
import { createApp } from './app'
import { configFromEnv, dataKeysFromEnv } from './config'
import type { AppDeps } from './deps'
import { readEnv, type Env } from './env'
import { errorLogFields } from './error-log-fields'
import { createLogger } from './logger'
import { surviveLostDatabaseConnections } from './process-guards'
import { runEntryPoint, stopOnSignals } from './process-lifecycle'
import { createSmtpTransport, type SmtpTransport } from './outbox/create-smtp-transport'
import { dispatcherConfigFromEnv } from './outbox/dispatcher-config'
import { startDispatcher, type Dispatcher } from './outbox/start-dispatcher'
import { createKeyring } from './security/keyring'
import { createScryptPasswordHasher } from './security/scrypt-passwords'
import { hashTokenSync } from './security/node-token-hash'
import { openMigratedDatabase } from './open-database'

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
  const handle = await openMigratedDatabase(env, logger, {
    bundledMigrations: new URL('./migrations', import.meta.url),
  })

  const config = configFromEnv(env)
  const clock = { now: () => new Date() }
  const deps: AppDeps = {
    db: handle.db,
    dbKind: handle.kind,
    clock,
    logger,
    passwords: createScryptPasswordHasher(),
    keyring: createKeyring(dataKeysFromEnv(env)),
    hashBearerToken: hashTokenSync,
    config,
    // The socket's address, for rate limits and loopback-only fixtures (R59, §10.5).
    getClientAddress: (c) => getConnInfo(c).remote.address,
    // Scalar's bundle for /api/docs, from node_modules; not even located when API_DOCS is off.
    apiReferenceScript: config.apiDocs ? createScalarScriptLoader() : undefined,
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
      keyring: deps.keyring,
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

  stopOnSignals(logger, 'api', async () => {
    server.close()
    // Drain the dispatcher before the sink and the database go away.
    await dispatcher?.stop()
    transport?.close()
    await development?.stop()
    await handle.close()
  })
}

runEntryPoint(main)

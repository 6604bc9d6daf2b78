import { dataKeysFromEnv } from './config'
import { readEnv } from './env'
import { createLogger } from './logger'
import { surviveLostDatabaseConnections } from './process-guards'
import { runEntryPoint, stopOnSignals } from './process-lifecycle'
import { createSmtpTransport } from './outbox/create-smtp-transport'
import { dispatcherConfigFromEnv } from './outbox/dispatcher-config'
import { startDispatcher } from './outbox/start-dispatcher'
import { openMigratedDatabase } from './open-database'
import { createKeyring } from './security/keyring'

// The outbox dispatcher and expiry sweeper as their own process (architecture.md §7). It applies
// migrations under the advisory lock like the API, so either may start first. Several may run
// against one database at once.
async function main() {
  const env = readEnv()
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'dispatcher' })
  surviveLostDatabaseConnections(logger)
  if (!env.DATABASE_URL) {
    throw new Error(
      'The dispatcher as its own process needs DATABASE_URL (PGlite allows one process).'
    )
  }
  if (!env.SMTP_URL) {
    throw new Error(
      'The dispatcher as its own process needs SMTP_URL (the development sink lives in the API).'
    )
  }
  const handle = await openMigratedDatabase(env, logger, {
    bundledMigrations: new URL('./migrations', import.meta.url),
  })
  const transport = createSmtpTransport({ url: env.SMTP_URL })
  const dispatcher = startDispatcher({
    db: handle.db,
    clock: { now: () => new Date() },
    logger,
    transport,
    config: dispatcherConfigFromEnv(env),
    keyring: createKeyring(dataKeysFromEnv(env)),
  })

  stopOnSignals(logger, 'dispatcher', async () => {
    // Drain: no new claims, in-flight sends finish, unstarted rows go back to PENDING.
    await dispatcher.stop()
    transport.close()
    await handle.close()
  })
}

runEntryPoint(main)

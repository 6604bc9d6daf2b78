import { createDb, migrateDb } from '@partner-center/db'
import { fileURLToPath } from 'node:url'
import { readEnv } from './env'
import { startupFailureText } from './error-log-fields'
import { createLogger } from './logger'
import { logDataSteps } from './log-data-steps'
import { surviveLostDatabaseConnections } from './process-guards'
import { createSmtpTransport } from './outbox/create-smtp-transport'
import { dispatcherConfigFromEnv } from './outbox/dispatcher-config'
import { startDispatcher } from './outbox/start-dispatcher'
import { disableDemoCredentials } from './security/disable-demo-credentials'

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
  const handle = await createDb({ url: env.DATABASE_URL })
  const migrated = await migrateDb(handle, {
    migrationsFolder: env.MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations', import.meta.url)),
  })
  logDataSteps(logger, migrated)
  if (env.APP_ENV === 'production') {
    await disableDemoCredentials(handle.db, { now: new Date(), logger })
  }
  const transport = createSmtpTransport({ url: env.SMTP_URL })
  const dispatcher = startDispatcher({
    db: handle.db,
    clock: { now: () => new Date() },
    logger,
    transport,
    config: dispatcherConfigFromEnv(env),
  })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'dispatcher stopping')
    // Drain: no new claims, in-flight sends finish, unstarted rows go back to PENDING.
    await dispatcher.stop()
    transport.close()
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

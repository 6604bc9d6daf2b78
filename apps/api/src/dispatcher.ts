import { createDb, migrateDb } from '@partner-center/db'
import { fileURLToPath } from 'node:url'
import { readEnv } from './env'
import { createLogger } from './logger'

// The outbox dispatcher as its own process (architecture.md §7). It applies migrations under the
// advisory lock like the API, so either may start first.
async function main() {
  const env = readEnv()
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'dispatcher' })
  if (!env.DATABASE_URL) {
    throw new Error(
      'The dispatcher as its own process needs DATABASE_URL (PGlite allows one process).'
    )
  }
  const handle = createDb({ url: env.DATABASE_URL })
  await migrateDb(handle, {
    migrationsFolder: env.MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations', import.meta.url)),
  })
  logger.info('dispatcher started')
  const stop = async () => {
    await handle.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

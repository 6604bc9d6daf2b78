// `node dist/migrate.js`: applies the pending migrations and data steps, then ends. The step
// before a worker deploy (the worker never migrates: README "Deploying the API to Cloudflare
// Workers"); the Node API and dispatcher also migrate at start, so this is optional for them.
import { readMigrateEnv } from './env'
import { createLogger } from './logger'
import { openMigratedDatabase } from './open-database'
import { runEntryPoint } from './process-lifecycle'

async function main() {
  const env = readMigrateEnv()
  if (!env.DATABASE_URL) throw new Error('migrate needs DATABASE_URL (the database to migrate)')
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'migrate' })
  const handle = await openMigratedDatabase(env, logger, {
    bundledMigrations: new URL('./migrations', import.meta.url),
  })
  await handle.close()
  logger.info({}, 'migrations applied')
}

runEntryPoint(main)

import { serve } from '@hono/node-server'
import { createDb, migrateDb } from '@partner-center/db'
import { fileURLToPath } from 'node:url'
import { createApp } from './app'
import { configFromEnv } from './config'
import type { AppDeps } from './deps'
import { startDevelopmentServices } from './dev/start-development-services'
import { readEnv } from './env'
import { createLogger } from './logger'
import { createScryptPasswordHasher } from './security/scrypt-passwords'

/** Migrations beside the bundle (copied by the build), unless MIGRATIONS_DIR says otherwise. */
function migrationsFolder(override: string | undefined): string {
  return override ?? fileURLToPath(new URL('./migrations', import.meta.url))
}

async function main() {
  const env = readEnv()
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'api' })
  const handle = createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR })
  await migrateDb(handle, { migrationsFolder: migrationsFolder(env.MIGRATIONS_DIR) })

  const config = configFromEnv(env)
  const deps: AppDeps = {
    db: handle.db,
    dbKind: handle.kind,
    clock: { now: () => new Date() },
    logger,
    passwords: createScryptPasswordHasher(),
    config,
  }
  const development =
    env.APP_ENV === 'production' ? null : await startDevelopmentServices({ env, deps })
  deps.devRoutes = development?.routes ?? []

  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info({ port: info.port, database: handle.kind, appEnv: env.APP_ENV }, 'api listening')
  })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'api stopping')
    server.close()
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

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { childEnv } from '../env'
import { startLongRunning, waitForUrl } from './long-running'

/** The built system served by `scripts/serve.mjs` on the test's own ports. */
export interface RunningSystem {
  /** `http://127.0.0.1:<api port>/api`: what a client's `baseUrl` is. */
  apiBaseUrl: string
  /** The module's manifest on the module's own origin. */
  manifestUrl: string
  stop(): Promise<void>
}

/** What `scripts/serve.mjs` serves; `npm test` builds it before this suite. */
const BUILT_FILES = [
  'apps/api/dist/server.js',
  'apps/customer-development/dist/manifest.json',
  'apps/shell/dist/index.html',
  'apps/customer-portal/dist/index.html',
]

/**
 * Starts `node scripts/serve.mjs` (API, module, shell and portal previews; as the e2e suite
 * does) on in-memory PGlite with the demo data, `APP_ENV=test`, the given CORS origins and seed
 * token secret, and resolves once the API is ready and the module's manifest is served.
 */
export async function startSystem(options: {
  root: string
  ports: { api: number; mfe: number; shell: number; portal: number }
  corsAllowedOrigins: readonly string[]
  seedTokenSecret: string
}): Promise<RunningSystem> {
  const missing = BUILT_FILES.filter((file) => !existsSync(join(options.root, file)))
  if (missing.length > 0) {
    throw new Error(`build first (pnpm turbo run build); missing: ${missing.join(', ')}`)
  }
  const { ports } = options
  const env = childEnv({
    APP_ENV: 'test',
    LOG_LEVEL: 'warn',
    PGLITE_DATA_DIR: 'memory://',
    SEED_TOKEN_SECRET: options.seedTokenSecret,
    CORS_ALLOWED_ORIGINS: options.corsAllowedOrigins.join(','),
    SERVE_API_PORT: String(ports.api),
    SERVE_MFE_PORT: String(ports.mfe),
    SERVE_SHELL_PORT: String(ports.shell),
    SERVE_PORTAL_PORT: String(ports.portal),
  })
  // The caller's database must not receive the demo data: this system lives in memory.
  delete env.DATABASE_URL
  const server = startLongRunning(process.execPath, ['scripts/serve.mjs'], {
    cwd: options.root,
    env,
  })
  const apiBaseUrl = `http://127.0.0.1:${ports.api}/api`
  const manifestUrl = `http://127.0.0.1:${ports.mfe}/mfe/customer-development/manifest.json`
  try {
    await waitForUrl(`${apiBaseUrl}/ready`, server, 180_000)
    await waitForUrl(manifestUrl, server, 60_000)
  } catch (error) {
    await server.stop()
    throw error
  }
  return { apiBaseUrl, manifestUrl, stop: () => server.stop() }
}

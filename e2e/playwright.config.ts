import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH_ARGS } from '@partner-center/vitest-config/chromium'
import { e2eEnv } from './env'
import { HOST_ORIGINS } from './support/hosts/host-origins'

const { ports } = e2eEnv

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${ports.shell}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: e2eEnv.chromiumPath,
      args: CHROMIUM_LAUNCH_ARGS,
    },
  },
  webServer: {
    command: 'node ../scripts/serve.mjs',
    // Through the shell proxy, so tests start only once the API has migrated and seeded.
    url: `http://127.0.0.1:${ports.shell}/api/ready`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      APP_ENV: 'test',
      LOG_LEVEL: 'warn',
      INVITATION_TTL_DAYS: String(e2eEnv.invitationTtlDays),
      // Every browser of the suite reaches the API from 127.0.0.1, so the per-address limit of
      // the public endpoints (R59, R114: 60 a minute) would count the whole suite as one
      // customer and refuse the link pages once two workers open them at once. The limit
      // itself is proved by the API's integration tests (public-links-limits, client-address).
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      // tests/hosts: host consoles on other origins call the API across origins.
      CORS_ALLOWED_ORIGINS: HOST_ORIGINS.join(','),
      SERVE_API_PORT: String(ports.api),
      SERVE_SHELL_PORT: String(ports.shell),
      SERVE_MFE_PORT: String(ports.mfe),
      SERVE_PORTAL_PORT: String(ports.portal),
      ...(e2eEnv.databaseUrl
        ? { DATABASE_URL: e2eEnv.databaseUrl }
        : { PGLITE_DATA_DIR: 'memory://' }),
    },
  },
})

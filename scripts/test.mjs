// `npm test`: installs and runs the whole suite with APP_ENV=test: format check, lint,
// typecheck, the published packages' checks (publint, attw), migration drift, unit and property tests, integration tests on PostgreSQL, the
// build and the e2e specs in Chromium. The last line is the total: `N passed, N failed`.
import { fileURLToPath } from 'node:url'
import { ensureChromium } from './lib/chromium.mjs'
import { createFreshDatabase } from './lib/database.mjs'
import { ensureNode } from './lib/ensure-node.mjs'
import { ensurePnpm } from './lib/ensure-pnpm.mjs'
import { startThrowawayCluster } from './lib/postgres-cluster.mjs'
import { clearReports, collectTotals, readCoverage } from './lib/reports.mjs'
import { heading, run } from './lib/run.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)
// Before any pnpm call: re-executes this command on the Node.js of .node-version when needed.
await ensureNode()
process.env.APP_ENV = 'test'
process.env.TURBO_TELEMETRY_DISABLED = '1'
const started = Date.now()
const failedSteps = []
const cleanups = []

// Steps whose failures show up as failed tests in their reports are not counted again.
const TEST_STEPS = new Set(['test', 'test:int', 'test:edge', 'test:e2e', 'test:consumer'])
const failedTestSteps = []

async function step(name, command, args, env = {}) {
  heading(name)
  const t0 = Date.now()
  const code = await run(command, args, { env: { ...process.env, ...env } })
  console.log(
    `--- ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - t0) / 1000)} s`
  )
  if (code !== 0) (TEST_STEPS.has(name) ? failedTestSteps : failedSteps).push(name)
  return code === 0
}

async function postgresForTests() {
  if (process.env.TEST_DATABASE_URL)
    return { url: process.env.TEST_DATABASE_URL, binDir: undefined }
  heading('postgres: no TEST_DATABASE_URL, creating a throwaway cluster')
  const cluster = await startThrowawayCluster()
  if (cluster) {
    cleanups.push(cluster.stop)
    return { url: cluster.url, binDir: cluster.binDir }
  }
  console.warn('\n!!! No TEST_DATABASE_URL and no initdb/pg_ctl on this machine.')
  console.warn('!!! Integration tests run on in-memory PGlite: CONCURRENCY IS NOT EXERCISED.\n')
  return null
}

try {
  await ensurePnpm()
  if (!(await step('install', 'pnpm', ['install', '--frozen-lockfile'])))
    throw new Error('install failed')
  clearReports(root)
  const turbo = (tasks, env) =>
    step(
      tasks.join(' + '),
      'pnpm',
      ['turbo', 'run', ...tasks, '--concurrency=2', '--continue', '--output-logs=errors-only'],
      env
    )

  await step('format check', 'pnpm', ['format:check'])
  await turbo(['build'])
  await turbo(['lint', 'typecheck'])
  // The published packages as a consumer gets them: publint and attw on the packed tarballs.
  await turbo(['check:package'])
  await step('migration drift', 'pnpm', ['--filter', '@partner-center/db', 'db:check'])
  await turbo(['test'])

  const postgres = await postgresForTests()
  await turbo(['test:int'], postgres ? { TEST_DATABASE_URL: postgres.url } : {})
  // The API on workerd (issue 17): the bundle a deploy would upload, checked, then served.
  await step('worker bundle check', 'pnpm', ['--filter', '@partner-center/api', 'check:worker'])
  if (postgres) await turbo(['test:edge'], { TEST_DATABASE_URL: postgres.url })
  else console.warn('!!! No PostgreSQL: the edge suite (workerd on a real database) did not run.')

  const chromium = await ensureChromium()
  const e2eDb = postgres ? createFreshDatabase(postgres.url, 'e2e', postgres.binDir) : null
  if (e2eDb) cleanups.push(async () => e2eDb.drop())
  await turbo(['test:e2e'], {
    CHROMIUM_PATH: chromium,
    ...(e2eDb ? { E2E_DATABASE_URL: e2eDb.url } : {}),
  })
  // Another team's project: the four packages published to Verdaccio on loopback, installed
  // with npm outside the workspace, used from Node and from a page on a third origin.
  await turbo(['test:consumer'], { CHROMIUM_PATH: chromium })
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`)
  failedSteps.push('setup')
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup()
}

heading('summary')
const totals = collectTotals(root)
for (const suite of totals.suites) {
  console.log(
    `  ${suite.name}: ${suite.passed} passed, ${suite.failed} failed${suite.skipped ? `, ${suite.skipped} skipped` : ''}`
  )
}
const allFailedSteps = [...failedSteps, ...failedTestSteps]
if (allFailedSteps.length) console.log(`  failed steps: ${allFailedSteps.join(', ')}`)
const coverage = readCoverage(root, 'packages/domain')
if (coverage) console.log(`  domain coverage: ${coverage}`)
console.log(`  duration: ${Math.round((Date.now() - started) / 1000)} s`)
// A test step that failed without a failing test (a crash, a missing report) still counts once.
const failed =
  totals.failed + failedSteps.length + (totals.failed === 0 ? failedTestSteps.length : 0)
process.exitCode = failed > 0 || totals.passed === 0 ? 1 : 0
console.log(`${totals.passed} passed, ${failed} failed`)

// Customer Development page: the module's initial JavaScript and the time from navigation to 100
// visible rows, for this working tree's module beside a baseline build of an earlier commit,
// measured in the same run, alternating, in Chromium against the built system.
// On demand, not part of the tests. Needs the built system (pnpm turbo run build) and
// /usr/bin/chromium (or CHROMIUM_PATH).
// Run: node bench/ui-bundle.mjs [--baseline <git ref>] [--runs <n>]   (default HEAD~1, 7 runs)
// Goals (issue 19): initial JS <= 150 KB gzip (checked in the tests too), navigation median at
// most 72% of the baseline build's.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { serveSystem } from '../scripts/serve.mjs'
import {
  HUNDREDTH_ROW,
  MODULE_PATH,
  recordModuleScripts,
  serveHundredRows,
} from '../e2e/support/first-view.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const ports = { api: 3300, shell: 4473, mfe: 4474, portal: 4475 }
const { values: args } = parseArgs({
  options: {
    baseline: { type: 'string', default: 'HEAD~1' },
    runs: { type: 'string', default: '7' },
  },
})
const runs = Number(args.runs)
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`
const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8' }).trim()
const pnpm = (cwd, ...pnpmArgs) => execFileSync('pnpm', pnpmArgs, { cwd, stdio: 'ignore' })

/** Builds the module of `ref` in a worktree of its own under /tmp (kept for the next run). */
function buildBaseline(ref) {
  const sha = git('rev-parse', '--short', ref)
  const tree = `/tmp/pc-ui-bench-${sha}`
  if (!existsSync(join(tree, 'apps/customer-development/dist/manifest.json'))) {
    console.log(`building the baseline module of ${ref} (${sha}) in ${tree}…`)
    if (!existsSync(tree)) git('worktree', 'add', '--detach', tree, sha)
    pnpm(tree, 'install', '--frozen-lockfile', '--prefer-offline')
    pnpm(tree, 'turbo', 'run', 'build', '--filter=@partner-center/customer-development...')
  }
  return { label: `baseline ${sha}`, dist: join(tree, 'apps/customer-development/dist') }
}

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' }

/** Answers the page's requests for the module's files from `dist` (both builds alike). */
async function serveModuleFrom(page, dist) {
  await page.route(
    (url) => url.pathname.startsWith(MODULE_PATH),
    async (route) => {
      const path = new URL(route.request().url()).pathname.slice(MODULE_PATH.length)
      const body = await readFile(join(dist, path)).catch(() => null)
      if (!body) return route.fulfill({ status: 404 })
      return route.fulfill({
        body,
        headers: {
          'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
          'cache-control': 'no-cache',
        },
      })
    }
  )
}

/** One navigation to the page in a fresh context: milliseconds to 100 rows, scripts fetched. */
async function measure(browser, build) {
  const context = await browser.newContext({ baseURL: `http://localhost:${ports.shell}` })
  const page = await context.newPage()
  try {
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill('admin@acme.example')
    await page.getByLabel('Password').fill('Passw0rd!demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => !url.pathname.includes('sign-in'))
    await serveModuleFrom(page, build.dist)
    await serveHundredRows(page)
    const recording = recordModuleScripts(page)
    const started = performance.now()
    await page.goto('/sales/leads/customer-development')
    await page.locator(HUNDREDTH_ROW).waitFor({ state: 'visible', timeout: 30_000 })
    const ms = performance.now() - started
    const scripts = await recording.stop()
    return {
      ms,
      jsGzip: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
      files: scripts.length,
    }
  } finally {
    await context.close()
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const builds = [
  buildBaseline(args.baseline),
  { label: 'this tree', dist: join(root, 'apps/customer-development/dist') },
]
const require = createRequire(join(root, 'e2e/package.json'))
// playwright-core, through @playwright/test (the e2e package's dependency).
const { chromium } = require('@playwright/test')
const system = await serveSystem({
  ports,
  env: { APP_ENV: 'test', PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'warn' },
  log: false,
})
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
try {
  const results = builds.map(() => [])
  // One warm-up each (the system's first answers), then alternating runs.
  for (const build of builds) await measure(browser, build)
  for (let run = 0; run < runs; run++) {
    for (const [index, build] of builds.entries())
      results[index].push(await measure(browser, build))
  }
  const medians = results.map((samples) => median(samples.map((sample) => sample.ms)))
  for (const [index, build] of builds.entries()) {
    const samples = results[index]
    const times = samples.map((sample) => sample.ms)
    console.log(
      `${build.label.padEnd(18)} initial JS ${kb(samples[0].jsGzip)} gzip in ${samples[0].files} files; ` +
        `navigation -> 100 rows: median ${medians[index].toFixed(0)} ms ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} runs)`
    )
  }
  console.log(
    `this tree / baseline: ${((medians[1] / medians[0]) * 100).toFixed(0)}% of the median (goal <= 72%); ` +
      `initial JS goal <= 150 KB gzip`
  )
} finally {
  await browser.close()
  await system.stop()
}

// The customer list (page of 20, masked) under 50 connections with autocannon, next to a raw
// baseline in the same run: a bare Hono handler doing the same token lookup and page query with
// postgres.js on the same 5,000-row table (measured-limits.md), for a partner holding 100 of the
// rows and for one holding all of them. Goals: >= 70 % of baseline, p99 <= 100 ms.
// Also, with no goal, the same endpoint served by the worker (apps/api/src/worker.ts) in workerd
// on the same database and rows, and its ratios to the Node API (issue 17).
// Needs PostgreSQL and `pnpm turbo run build`; then
//   node bench/api-list.mjs [postgres://postgres@127.0.0.1:5432/test] [--without-workerd]
// --without-workerd measures the Node API and the baseline only, as before issue 17.
import { spawn } from 'node:child_process'
import { isDeepStrictEqual } from 'node:util'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import {
  seedPartner,
  seedPreregistrations,
  signIn,
  startBenchApi,
  waitUntilListening,
} from './api-bench-support.mjs'
import {
  benchWorkerBindings,
  bundleWorkerForBench,
  startWorkerd,
  WORKER_HEADERS,
} from './lib/workerd.mjs'

const DURATION = 10
const ROUNDS = 5
const PATH = '/api/v1/customer-development/preregistrations?page=1&pageSize=20'

// startBenchApi reads the server URL from process.argv[2]: take the flag out of the way first.
const flagAt = process.argv.indexOf('--without-workerd')
const withWorkerd = flagAt < 0
if (!withWorkerd) process.argv.splice(flagAt, 1)

/** The raw baseline in its own process, like the API, so both share the cores the same way. */
async function startBaseline(databaseUrl, port) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./raw-list-baseline.mjs', import.meta.url)), databaseUrl, String(port)],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  )
  const base = `http://127.0.0.1:${port}`
  try {
    await waitUntilListening(base)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return { base, stop: () => child.kill('SIGTERM') }
}

function load(target, token) {
  return autocannon({
    url: `${target.base}${PATH}`,
    connections: 50,
    duration: DURATION,
    headers: { ...target.headers, authorization: `Bearer ${token}` },
  })
}

/** One GET of the list page; answers the parsed body, failing on anything but 200. */
async function listOnce(target, token) {
  const response = await fetch(`${target.base}${PATH}`, {
    headers: { ...target.headers, authorization: `Bearer ${token}` },
  })
  if (response.status !== 200) {
    throw new Error(`${target.name} list answered ${response.status}: ${await response.text()}`)
  }
  return response.json()
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const times = (ratio) => (Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : 'n/a')

/**
 * One scenario: the measured partner holds `own` of the table's 5,000 rows, the rest belong to
 * other partners (100 each, the default quota). measured-limits.md's 3,800 req/s baseline can
 * only count a few rows per request, so its partner is the realistic one: 100 of 5,000. The
 * worst case, one partner holding all 5,000, makes every `count(*)` read 5,000 rows.
 */
async function scenario({ own, title }, { sql, api, targets }) {
  const partner = await seedPartner(sql)
  await seedPreregistrations(sql, { ...partner, count: own, tag: `own${own}` })
  for (let other = 0; other < (5000 - own) / 100; other++) {
    const neighbour = await seedPartner(sql)
    await seedPreregistrations(sql, { ...neighbour, count: 100, tag: `n${own}.${other}` })
  }
  // The steady state of a live table: autovacuum visits a table within a minute of this many
  // inserts, setting the visibility map that lets PostgreSQL count from the index alone.
  await sql`vacuum analyze`
  // One token for every target: the worker hashes bearer tokens with Web Crypto, Node with
  // node:crypto, to the same stored hash.
  const token = await signIn(api.base, partner.email)
  const [nodePage, workerdPage] = await Promise.all(
    targets.filter((target) => target.name !== 'baseline').map((target) => listOnce(target, token))
  )
  if (workerdPage && !isDeepStrictEqual(nodePage, workerdPage)) {
    throw new Error('workerd and the Node API answered different pages for the same partner')
  }
  for (const target of targets) await load(target, token) // warm-up each
  const line = (name, r) =>
    `  ${name.padEnd(9)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`
  console.log(
    `${title}: page of 20 masked, 50 connections, ${ROUNDS} rounds of ${DURATION} s each of ${targets.map((t) => t.name).join(', ')}`
  )
  const ratios = []
  const p99s = []
  const workerdRatios = { requests: [], p50: [], p99: [] }
  const workerdP99s = []
  for (let round = 1; round <= ROUNDS; round++) {
    // Each target goes first in turn, so a drift of the machine favours none.
    const order = targets.map((_, i) => targets[(i + round - 1) % targets.length])
    const results = {}
    for (const target of order) results[target.name] = await load(target, token)
    const { baseline: raw, api: ours, workerd } = results
    const ratio = ours.requests.average / raw.requests.average
    ratios.push(ratio)
    p99s.push(ours.latency.p99)
    let workerdSummary = ''
    if (workerd) {
      workerdRatios.requests.push(workerd.requests.average / ours.requests.average)
      workerdRatios.p50.push(workerd.latency.p50 / ours.latency.p50)
      workerdRatios.p99.push(workerd.latency.p99 / ours.latency.p99)
      workerdP99s.push(workerd.latency.p99)
      workerdSummary = `; workerd/api req/s ${times(workerdRatios.requests.at(-1))}, p50 ${times(workerdRatios.p50.at(-1))}, p99 ${times(workerdRatios.p99.at(-1))}`
    }
    console.log(
      `  round ${round}: api/baseline ratio ${(ratio * 100).toFixed(0)} %${workerdSummary}`
    )
    for (const target of targets) console.log(line(target.name, results[target.name]))
  }
  const medianRatio = median(ratios)
  const worstP99 = Math.max(...p99s)
  console.log(
    `  median ratio ${(medianRatio * 100).toFixed(0)} % of baseline (goal >= 70 %): ${medianRatio >= 0.7 ? 'met' : 'NOT met'}; worst p99 ${worstP99} ms (goal <= 100 ms): ${worstP99 <= 100 ? 'met' : 'NOT met'}`
  )
  if (workerdP99s.length > 0) {
    console.log(
      `  workerd/api, medians of the rounds (no goal): req/s ${times(median(workerdRatios.requests))}, p50 ${times(median(workerdRatios.p50))}, p99 ${times(median(workerdRatios.p99))}; workerd worst p99 ${Math.max(...workerdP99s)} ms`
    )
  }
}

// Everything started is stopped in reverse order, also when a later start fails.
const started = []
try {
  // Bundled before anything starts: wrangler's esbuild step takes a few seconds of both cores.
  const workerBundle = withWorkerd ? await bundleWorkerForBench() : null
  if (workerBundle) started.push(() => workerBundle.remove())
  const bench = await startBenchApi({ port: 3912 })
  started.push(() => bench.close())
  const baseline = await startBaseline(bench.databaseUrl, 3913)
  started.push(() => baseline.stop())
  // The worker reads the database the Node API migrated, in production mode as deployed.
  const worker = workerBundle
    ? await startWorkerd({
        bundle: workerBundle.file,
        port: 3914,
        bindings: benchWorkerBindings(bench.databaseUrl),
      })
    : null
  if (worker) started.push(() => worker.stop())
  const world = {
    sql: bench.sql,
    api: bench.api,
    targets: [
      { name: 'baseline', base: baseline.base, headers: {} },
      { name: 'api', base: bench.api.base, headers: {} },
      ...(worker ? [{ name: 'workerd', base: worker.base, headers: WORKER_HEADERS }] : []),
    ],
  }
  await scenario({ own: 100, title: 'api-list, partner with 100 of 5,000 rows' }, world)
  await scenario({ own: 5000, title: 'api-list, worst case: partner with all 5,000 rows' }, world)
} finally {
  for (const stop of started.reverse()) await stop()
}

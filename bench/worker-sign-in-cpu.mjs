// CPU milliseconds per sign-in inside workerd (issue 17): what Cloudflare bills against a
// worker's CPU limit (wrangler.jsonc `limits.cpu_ms`). The worker (apps/api/src/worker.ts) is
// served by workerd and signs one user in SIGN_INS times in a row, the stored hash at the
// production scrypt cost (N=16384, r=8, p=5); workerd's CPU time (utime + stime of
// /proc/<pid>/stat, all threads) is read before and after. Beside it, in the same run: the CPU
// per request of a cheap authenticated request (GET /api/v1/me), so scrypt's share shows, and
// both measured the same way on the Node API process. Also workerd's peak resident memory.
// No goal, just the figures. Linux only (/proc). Needs PostgreSQL and `pnpm turbo run build`; then
//   node bench/worker-sign-in-cpu.mjs [postgres://postgres@127.0.0.1:5432/test]
import { PASSWORD, seedPartner, startBenchApi } from './api-bench-support.mjs'
import { childPidRunning, CPU_TICK_MS, cpuMilliseconds, statusKiB } from './lib/process-usage.mjs'
import {
  benchWorkerBindings,
  bundleWorkerForBench,
  startWorkerd,
  WORKER_HEADERS,
} from './lib/workerd.mjs'

const SIGN_INS = 30
// The cheap request costs about 1 % of a sign-in: more of them for a reading well above one tick.
const CHEAP_REQUESTS = 300
const WARM_UP = 5
const PRODUCTION_COST = 'scrypt:16384:8:5:'

/** One request to `target`; answers the parsed body, failing on anything but 200. */
async function call(target, method, path, { token, body } = {}) {
  const response = await fetch(`${target.base}${path}`, {
    method,
    headers: {
      ...target.headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (response.status !== 200) {
    throw new Error(
      `${target.name} ${method} ${path} answered ${response.status}: ${await response.text()}`
    )
  }
  return response.json()
}

const signInOnce = (target, email) =>
  call(target, 'POST', '/api/v1/auth/sign-in', { body: { email, password: PASSWORD } })

/**
 * Runs `request` `count` times in a row and answers the target process's CPU milliseconds and
 * the wall milliseconds per request. The CPU is read a moment after the last answer, so work the
 * worker does after responding (waitUntil: closing the request's database client) counts too.
 */
async function measure(target, count, request) {
  const cpuBefore = cpuMilliseconds(target.pid)
  const started = performance.now()
  for (let i = 0; i < count; i++) await request()
  const wall = (performance.now() - started) / count
  await new Promise((resolve) => setTimeout(resolve, 250))
  const cpu = (cpuMilliseconds(target.pid) - cpuBefore) / count
  return { cpu, wall }
}

/** Sign-ins and cheap requests on one target, after a warm-up of both. */
async function measureTarget(target, email) {
  const { token } = await signInOnce(target, email)
  const me = () => call(target, 'GET', '/api/v1/me', { token })
  for (let i = 0; i < WARM_UP; i++) await signInOnce(target, email)
  for (let i = 0; i < WARM_UP * 10; i++) await me()
  const signIn = await measure(target, SIGN_INS, () => signInOnce(target, email))
  const cheap = await measure(target, CHEAP_REQUESTS, me)
  return { signIn, cheap }
}

const ms = (value) => `${value.toFixed(1).padStart(6)} ms`
const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`

// Everything started is stopped in reverse order, also when a later start fails.
const started = []
try {
  const workerBundle = await bundleWorkerForBench()
  started.push(() => workerBundle.remove())
  const bench = await startBenchApi({ port: 3915 })
  started.push(() => bench.close())
  const worker = await startWorkerd({
    bundle: workerBundle.file,
    port: 3916,
    bindings: benchWorkerBindings(bench.databaseUrl),
  })
  started.push(() => worker.stop())
  const targets = [
    { name: 'workerd', base: worker.base, headers: WORKER_HEADERS, pid: worker.pid },
    // startApi hands out no process: its child running the built server is the one.
    {
      name: 'node api',
      base: bench.api.base,
      headers: {},
      pid: childPidRunning('apps/api/dist/server.js'),
    },
  ]

  // Resident memory once started and ready (one /api/ready answered): the runtime's own share,
  // beside the peak after the sign-ins. Process memory is an indication only: the 128 MB limit
  // of a worker applies to its isolate, not to the workerd process.
  const rssAtStart = Object.fromEntries(
    targets.map((target) => [target.name, statusKiB(target.pid, 'VmRSS')])
  )

  // seedPartner stores the hash at p=1, below the production cost: the first sign-in replaces
  // it (rehashIfWeak). Every measured sign-in then verifies one production-cost hash, no rehash.
  const partner = await seedPartner(bench.sql)
  await signInOnce(targets[1], partner.email)
  const [{ password_hash: stored }] =
    await bench.sql`select password_hash from users where id = ${partner.userId}`
  if (!stored.startsWith(PRODUCTION_COST)) {
    throw new Error(
      `the stored hash is ${stored.split(':').slice(0, 4).join(':')}, not production cost`
    )
  }

  console.log(
    `worker-sign-in-cpu: ${SIGN_INS} sign-ins in a row (stored hash ${PRODUCTION_COST.slice(0, -1)}), ` +
      `baseline ${CHEAP_REQUESTS} × GET /api/v1/me; process CPU = utime + stime, tick ${CPU_TICK_MS} ms`
  )
  const results = {}
  for (const target of targets) {
    const { signIn, cheap } = await measureTarget(target, partner.email)
    results[target.name] = { signIn, cheap }
    console.log(
      `  ${target.name.padEnd(8)} sign-in CPU ${ms(signIn.cpu)} (wall ${ms(signIn.wall)})  ` +
        `GET /me CPU ${ms(cheap.cpu)} (wall ${ms(cheap.wall)})  ` +
        `sign-in minus /me ${ms(signIn.cpu - cheap.cpu)}`
    )
  }
  const edge = results.workerd
  const node = results['node api']
  console.log(
    `  workerd/node: sign-in CPU ×${(edge.signIn.cpu / node.signIn.cpu).toFixed(2)}, ` +
      `GET /me CPU ×${(edge.cheap.cpu / node.cheap.cpu).toFixed(2)}`
  )
  for (const target of targets) {
    console.log(
      `  ${target.name.padEnd(8)} peak RSS (VmHWM) ${mib(statusKiB(target.pid, 'VmHWM'))}; ` +
        `RSS when ready ${mib(rssAtStart[target.name])}, after the run ${mib(statusKiB(target.pid, 'VmRSS'))}`
    )
  }
} finally {
  for (const stop of started.reverse()) await stop()
}

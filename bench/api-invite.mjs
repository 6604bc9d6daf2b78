// Batch invite of 100 pre-registrations through the built API: median and p95 latency
// (domain.md §8 goal: p95 <= 150 ms). Needs PostgreSQL and `pnpm turbo run build`; then
//   node bench/api-invite.mjs [postgres://postgres@127.0.0.1:5432/test] [--with-events]
//     [--baseline=<checkout>]
// Every batch writes its 100 `invitation.queued` event rows (R124) either way.
// `--baseline=<checkout>` runs another checkout's built API (e.g. a worktree of the commit
// before a change: `git worktree add /tmp/base <ref>`, pnpm install, build the api) on its own
// database next to this one, the batches of the two alternating in blocks, and prints both
// p95s side by side (issue 21: the event rows keep p95 within 10% of the build without them).
// `--with-events`
// alternates the batches, in blocks, with batches run with events on: an enabled platform
// endpoint subscribed to every type, and the built dispatcher fanning the events out and
// delivering them to a loopback receiver meanwhile (its email loops idle: they poll once a
// minute), and prints both p95s side by side.
import { resolve } from 'node:path'
import {
  quantile,
  seedPartner,
  seedPreregistrations,
  signIn,
  startBenchApi,
} from './api-bench-support.mjs'
import {
  benchDataKey,
  insertEndpoint,
  startBuiltDispatcher,
  startWebhookReceiver,
} from './lib/webhook-bench-support.mjs'

const WARMUP = 5
const RUNS = 60
// With events, the runs of each kind in blocks of this size, alternating, so a busy moment
// of the machine falls on both alike.
const BLOCK = 15
// Against a baseline: many batches in short alternating blocks, so that each p95 rests on
// enough samples (two runs of one build against itself differed by up to 14% in p95 with 150
// batches in blocks of 15) and a busy moment of the machine falls on both builds alike.
const BASELINE_RUNS = 300
const BASELINE_BLOCK = 5
const withEvents = process.argv.includes('--with-events')
const baselineCheckout = process.argv
  .find((arg) => arg.startsWith('--baseline='))
  ?.slice('--baseline='.length)

/** `warmup` + `runs` batches of 100; returns the latencies of the counted ones. */
async function measure(bench, partner, token, label, { warmup, runs }) {
  const latencies = []
  for (let run = 0; run < warmup + runs; run++) {
    const tag = `${label}${run}`
    const ids = await seedPreregistrations(bench.sql, { ...partner, count: 100, tag })
    const started = performance.now()
    const response = await fetch(`${bench.api.base}/api/v1/customer-development/invitations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${tag}`,
      },
      body: JSON.stringify({ preregistrationIds: ids, associationType: 'reseller' }),
    })
    const body = await response.json()
    const elapsed = performance.now() - started
    if (response.status !== 202 || body.queued !== 100)
      throw new Error(`run ${tag}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`)
    if (run >= warmup) latencies.push(elapsed)
  }
  return latencies
}

/**
 * Events on and off around a block. On: the events and emails queued so far are put aside (the
 * events count as fanned out, the emails wait a day), so the dispatcher works only on the
 * block's own events. Off: the dispatcher stops and the block's undelivered backlog is
 * cancelled, so the next block starts as clean as this one.
 */
function createEventSwitch(bench, receiver, dataKey) {
  let dispatcher = null
  return {
    async on() {
      await bench.sql`update webhook_events set fanned_out_at = now() where fanned_out_at is null`
      await bench.sql`update outbox set run_after = now() + interval '1 day' where status = 'PENDING'`
      dispatcher = await startBuiltDispatcher(bench.sql, {
        databaseUrl: bench.databaseUrl,
        env: {
          ...dataKey.env,
          LOG_LEVEL: 'error',
          OUTBOX_CLAIM_LOOPS: '1',
          OUTBOX_POLL_INTERVAL_MS: '60000',
        },
      })
    },
    async off() {
      await dispatcher?.stop()
      dispatcher = null
      await bench.sql`update webhook_deliveries set status = 'CANCELLED',
                        cancel_reason = 'ENDPOINT_DISABLED', locked_until = null
                      where status in ('PENDING', 'SENDING')`
    },
  }
}

const fmt = (ms) => `${ms.toFixed(1)} ms`
const sorted = (values) => [...values].sort((a, b) => a - b)
const summary = (latencies) =>
  `median ${fmt(quantile(latencies, 0.5))}  p95 ${fmt(quantile(latencies, 0.95))}  max ${fmt(latencies.at(-1))}`

/** This build and the baseline's, alternating in blocks; prints both and the p95 ratio. */
async function compareWithBaseline(bench, partner, token) {
  const bundle = resolve(baselineCheckout, 'apps/api/dist/server.js')
  const baseline = await startBenchApi({ port: 3912, bundle })
  try {
    const basePartner = await seedPartner(baseline.sql)
    const baseToken = await signIn(baseline.api.base, basePartner.email)
    const [mine, theirs] = [[], []]
    const runBaseline = async (block, warmup) =>
      theirs.push(
        ...(await measure(baseline, basePartner, baseToken, `b${block}-`, {
          warmup,
          runs: BASELINE_BLOCK,
        }))
      )
    const runThis = async (block, warmup) =>
      mine.push(
        ...(await measure(bench, partner, token, `r${block}-`, { warmup, runs: BASELINE_BLOCK }))
      )
    for (let block = 0; block * BASELINE_BLOCK < BASELINE_RUNS; block++) {
      const warmup = block === 0 ? WARMUP : 0
      // ABBA: neither build always runs first after the other.
      if (block % 2 === 0) {
        await runBaseline(block, warmup)
        await runThis(block, warmup)
      } else {
        await runThis(block, warmup)
        await runBaseline(block, warmup)
      }
    }
    const [base, head] = [sorted(theirs), sorted(mine)]
    const ratio = quantile(head, 0.95) / quantile(base, 0.95)
    console.log(
      `api-invite: ${BASELINE_RUNS} batches of 100 on each build, alternating in blocks of ${BASELINE_BLOCK} (after ${WARMUP} warm-up of each)`
    )
    console.log(`  baseline:   ${summary(base)}  (${baselineCheckout})`)
    console.log(`  this build: ${summary(head)}`)
    console.log(
      `  p95 ${(ratio * 100).toFixed(0)}% of the baseline's, median ${((quantile(head, 0.5) / quantile(base, 0.5)) * 100).toFixed(0)}%; goal p95 within 10%: ${ratio <= 1.1 ? 'met' : 'NOT met'}`
    )
  } finally {
    await baseline.close()
  }
}

const bench = await startBenchApi({ port: 3911 })
let receiver
let events
try {
  const partner = await seedPartner(bench.sql)
  const token = await signIn(bench.api.base, partner.email)
  if (baselineCheckout) {
    await compareWithBaseline(bench, partner, token)
  } else if (!withEvents) {
    const plain = sorted(await measure(bench, partner, token, 'r', { warmup: WARMUP, runs: RUNS }))
    console.log(`api-invite: ${RUNS} batches of 100 (after ${WARMUP} warm-up)`)
    console.log(`  ${summary(plain)}`)
    console.log(`  goal p95 <= 150 ms: ${quantile(plain, 0.95) <= 150 ? 'met' : 'NOT met'}`)
  } else {
    receiver = await startWebhookReceiver()
    const dataKey = benchDataKey()
    const endpoint = await insertEndpoint(bench.sql, {
      dataKey,
      url: `http://127.0.0.1:${receiver.port}/hooks/platform`,
    })
    receiver.state.secret = endpoint.secret.bytes
    events = createEventSwitch(bench, receiver, dataKey)
    const plain = []
    const eventful = []
    let eventSeconds = 0
    for (let block = 0; block * BLOCK < RUNS; block++) {
      const warmup = block === 0 ? WARMUP : 0
      plain.push(...(await measure(bench, partner, token, `r${block}-`, { warmup, runs: BLOCK })))
      await events.on()
      const started = performance.now()
      eventful.push(
        ...(await measure(bench, partner, token, `e${block}-`, { warmup, runs: BLOCK }))
      )
      eventSeconds += (performance.now() - started) / 1000
      await events.off()
    }
    const [off, on] = [sorted(plain), sorted(eventful)]
    console.log(
      `api-invite: ${RUNS} batches of 100 each without and with events on, alternating in blocks of ${BLOCK} (after ${WARMUP} warm-up of each)`
    )
    console.log(`  without:        ${summary(off)}`)
    console.log(
      `  with events on: ${summary(on)}  (platform endpoint on all types, dispatcher running)`
    )
    console.log(
      `  p95 ${fmt(quantile(off, 0.95))} without, ${fmt(quantile(on, 0.95))} with events on (${((quantile(on, 0.95) / quantile(off, 0.95)) * 100).toFixed(0)}%); goal p95 <= 150 ms: ${quantile(off, 0.95) <= 150 ? 'met' : 'NOT met'} without, ${quantile(on, 0.95) <= 150 ? 'met' : 'NOT met'} with`
    )
    console.log(
      `  with events on, ${receiver.state.arrivals.length} events received in ${eventSeconds.toFixed(1)} s of batches (bad signatures: ${receiver.state.badSignatures})`
    )
  }
} finally {
  await events?.off()
  receiver?.close()
  await bench.close()
}

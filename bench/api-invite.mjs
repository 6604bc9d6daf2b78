// Batch invite of 100 pre-registrations through the built API: median and p95 latency
// (domain.md §8 goal: p95 <= 150 ms). Needs PostgreSQL and `pnpm turbo run build`; then
//   node bench/api-invite.mjs [postgres://postgres@127.0.0.1:5432/test] [--with-events]
// Every batch writes its 100 `invitation.queued` event rows (R124) either way. `--with-events`
// alternates the batches, in blocks, with batches run with events on: an enabled platform
// endpoint subscribed to every type, and the built dispatcher fanning the events out and
// delivering them to a loopback receiver meanwhile (its email loops idle: they poll once a
// minute), and prints both p95s side by side.
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
const withEvents = process.argv.includes('--with-events')

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

const bench = await startBenchApi({ port: 3911 })
let receiver
let events
try {
  const partner = await seedPartner(bench.sql)
  const token = await signIn(bench.api.base, partner.email)
  if (!withEvents) {
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

// Batch invite of 100 pre-registrations through the built API: median and p95 latency
// (domain.md §8 goal: p95 <= 150 ms). Needs PostgreSQL and `pnpm turbo run build`; then
//   node bench/api-invite.mjs [postgres://postgres@127.0.0.1:5432/test]
import {
  quantile,
  seedPartner,
  seedPreregistrations,
  signIn,
  startBenchApi,
} from './api-bench-support.mjs'

const WARMUP = 5
const RUNS = 60

const bench = await startBenchApi({ port: 3911 })
const { api, sql } = bench
try {
  const partner = await seedPartner(sql)
  const token = await signIn(api.base, partner.email)
  const latencies = []
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const ids = await seedPreregistrations(sql, { ...partner, count: 100, tag: `r${run}` })
    const started = performance.now()
    const response = await fetch(`${api.base}/api/v1/customer-development/invitations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${run}`,
      },
      body: JSON.stringify({ preregistrationIds: ids, associationType: 'reseller' }),
    })
    const body = await response.json()
    const elapsed = performance.now() - started
    if (response.status !== 202 || body.queued !== 100)
      throw new Error(`run ${run}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`)
    if (run >= WARMUP) latencies.push(elapsed)
  }
  latencies.sort((a, b) => a - b)
  const fmt = (ms) => `${ms.toFixed(1)} ms`
  console.log(`api-invite: ${RUNS} batches of 100 (after ${WARMUP} warm-up)`)
  console.log(
    `  median ${fmt(quantile(latencies, 0.5))}  p95 ${fmt(quantile(latencies, 0.95))}  max ${fmt(latencies.at(-1))}`
  )
  console.log(`  goal p95 <= 150 ms: ${quantile(latencies, 0.95) <= 150 ? 'met' : 'NOT met'}`)
} finally {
  await bench.close()
}

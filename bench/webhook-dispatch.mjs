// Webhook dispatch throughput into a loopback receiver versus a raw loop of signed POSTs with
// the same HTTP client (undici, one Agent, the same number of requests in flight), alternating
// over 3 rounds after a warm-up round of each, and commit-to-last-received for 1,000 events of
// one partner to one endpoint subscribed to all types (issue 21: >= 80% of raw, <= 5 s), for a
// receiver that answers at once and for one that answers after 5 ms. Beside each rate, the CPU
// one delivery costs the dispatcher, PostgreSQL and the whole machine, and one raw request the
// machine: with everything on the same cores, that ratio bounds the rate ratio.
// The dispatcher is the built entry (fan-out, claim, sign, POST, settle); its per-endpoint limit
// WEBHOOK_ENDPOINT_CONCURRENCY (5) is the raw loop's concurrency. Needs PostgreSQL and the
// built API: pnpm --filter @partner-center/api build; then
//   node bench/webhook-dispatch.mjs [postgres://postgres@127.0.0.1:5432/test]
// BENCH_CPU_PROFILE_DIR=<dir> writes the dispatcher's V8 CPU profile there.
import { createHmac, randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import {
  benchDataKey,
  insertEndpoint,
  startBuiltDispatcher,
  startWebhookReceiver,
} from './lib/webhook-bench-support.mjs'
import {
  cpuMilliseconds,
  machineBusyMilliseconds,
  processesCpuMilliseconds,
} from './lib/process-usage.mjs'

const apiRequire = createRequire(new URL('../apps/api/package.json', import.meta.url))
const postgres = (await import(apiRequire.resolve('postgres'))).default
const { Agent } = await import(apiRequire.resolve('undici'))

const COUNT = 1_000
const ROUNDS = 3
// A receiver that answers at once makes both loops CPU-bound on this machine's cores; one that
// answers after 5 ms (a receiver that stores the event first) shows whether the dispatcher keeps
// its requests in flight as busy as the raw loop does.
const RECEIVER_DELAYS_MS = [0, 5]
const CONCURRENCY = Number(process.env.WEBHOOK_ENDPOINT_CONCURRENCY ?? 5)
const serverUrl = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/test'

function eventBody(i, partnerId) {
  return JSON.stringify({
    type: 'invitation.sent',
    timestamp: new Date().toISOString(),
    data: {
      partnerId,
      invitation: {
        id: randomUUID(),
        version: 2,
        status: 'SENT',
        preregistrationId: randomUUID(),
        associationType: 'reseller',
        locale: i % 2 ? 'zh-CN' : 'en',
        externalRef: `crm-${i}`,
        sentAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    },
  })
}

/** The raw loop: CONCURRENCY workers signing and POSTing COUNT bodies through one Agent. */
async function rawBaseline(receiver, secret, partnerId) {
  const agent = new Agent({ allowH2: false })
  const origin = `http://127.0.0.1:${receiver.port}`
  const bodies = Array.from({ length: COUNT }, (_, i) => eventBody(i, partnerId))
  let next = 0
  const start = performance.now()
  const worker = async () => {
    while (next < COUNT) {
      const i = next++
      const id = `evt_${randomUUID()}`
      const timestamp = Math.floor(Date.now() / 1000)
      const signature = createHmac('sha256', secret.bytes)
        .update(`${id}.${timestamp}.${bodies[i]}`)
        .digest('base64')
      const response = await agent.request({
        origin,
        path: '/hooks/bench',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': `v1,${signature}`,
          host: `127.0.0.1:${receiver.port}`,
        },
        body: bodies[i],
      })
      await response.body.dump()
      if (response.statusCode !== 204) throw new Error(`raw POST answered ${response.statusCode}`)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const seconds = (performance.now() - start) / 1000
  await agent.close()
  return COUNT / seconds
}

/** Commits COUNT events in one transaction, as the changes of §13.5 write them. */
async function commitEvents(sql, partnerId) {
  const now = new Date()
  await sql`insert into webhook_events ${sql(
    Array.from({ length: COUNT }, (_, i) => ({
      id: randomUUID(),
      type: 'invitation.sent',
      partner_id: partnerId,
      entity_type: 'invitation',
      entity_id: randomUUID(),
      entity_version: 2,
      occurred_at: now,
      payload: eventBody(i, partnerId),
    }))
  )}`
}

async function dispatchRound(sql, receiver, partnerId) {
  receiver.state.arrivals.length = 0
  await commitEvents(sql, partnerId)
  const committedAt = performance.now()
  const arrivals = receiver.state.arrivals
  while (arrivals.length < COUNT) await new Promise((r) => setTimeout(r, 10))
  const [firstAt, lastAt] = [arrivals[0], arrivals[COUNT - 1]]
  return { rate: COUNT / ((lastAt - firstAt) / 1000), commitToLast: (lastAt - committedAt) / 1000 }
}

/** Transactions committed in the bench database so far (the server's statistics, ~1 s late). */
async function commitCount(admin, database) {
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  const [row] =
    await admin`select xact_commit::int as n from pg_stat_database where datname = ${database}`
  return row.n
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const receiver = await startWebhookReceiver()
const dataKey = benchDataKey()
const name = `pc_bench_${Date.now().toString(36)}`
const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined })
await admin.unsafe(`create database "${name}"`)
const url = new URL(serverUrl)
url.pathname = `/${name}`
const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined })
let dispatcher
try {
  dispatcher = await startBuiltDispatcher(sql, {
    databaseUrl: url.toString(),
    env: {
      ...dataKey.env,
      // Tuning runs pass WEBHOOK_* settings through (e.g. WEBHOOK_ENDPOINT_CONCURRENCY=10).
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WEBHOOK_'))),
    },
  })
  const partnerId = randomUUID()
  const userId = randomUUID()
  const now = new Date()
  await sql`insert into partners (id, name, contact_email, customer_development_enabled, created_at, updated_at)
            values (${partnerId}, 'Bench Partner', 'sales@bench.example', true, ${now}, ${now})`
  await sql`insert into users (id, partner_id, email, email_canonical, display_name, role, password_hash, created_at, updated_at)
            values (${userId}, ${partnerId}, ${`u.${partnerId}@bench.example`}, ${`u.${partnerId}@bench.example`}, 'Bench', 'admin', 'x', ${now}, ${now})`
  const endpoint = await insertEndpoint(sql, {
    dataKey,
    url: `http://127.0.0.1:${receiver.port}/hooks/bench`,
    partnerId,
    userId,
  })
  receiver.state.secret = endpoint.secret.bytes

  // Per receiver: one warm-up round of each first, not counted (V8 warm-up, prepared
  // statements), then ROUNDS alternating rounds of the raw loop and the dispatcher.
  async function measure(delayMs) {
    receiver.state.delayMs = delayMs
    await rawBaseline(receiver, endpoint.secret, partnerId)
    await dispatchRound(sql, receiver, partnerId)
    const raws = []
    const rounds = []
    const cpu = { dispatcher: 0, rawMachine: 0, machine: 0, postgres: 0, transactions: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const rawMachineBefore = machineBusyMilliseconds()
      raws.push(await rawBaseline(receiver, endpoint.secret, partnerId))
      cpu.rawMachine += machineBusyMilliseconds() - rawMachineBefore
      const dispatcherBefore = cpuMilliseconds(dispatcher.pid)
      const commitsBefore = await commitCount(admin, name)
      const machineBefore = machineBusyMilliseconds()
      const postgresBefore = processesCpuMilliseconds('postgres')
      rounds.push(await dispatchRound(sql, receiver, partnerId))
      cpu.machine += machineBusyMilliseconds() - machineBefore
      cpu.postgres += processesCpuMilliseconds('postgres') - postgresBefore
      cpu.dispatcher += cpuMilliseconds(dispatcher.pid) - dispatcherBefore
      cpu.transactions += (await commitCount(admin, name)) - commitsBefore
    }
    const perItem = (ms) => (ms / (COUNT * ROUNDS)).toFixed(2)
    const raw = median(raws)
    const dispatch = median(rounds.map((r) => r.rate))
    const worst = Math.max(...rounds.map((r) => r.commitToLast))
    const fmt = (n) => Math.round(n).toLocaleString('en-US')
    const receiverText = delayMs === 0 ? 'answering at once' : `answering after ${delayMs} ms`
    console.log(`\nreceiver ${receiverText}`)
    console.log(
      `raw signed POSTs           ${fmt(raw)} req/s  (rounds: ${raws.map(fmt).join(', ')})`
    )
    console.log(
      `dispatcher (first→last)    ${fmt(dispatch)} req/s  (${((dispatch / raw) * 100).toFixed(0)}% of raw; rounds: ${rounds.map((r) => fmt(r.rate)).join(', ')})`
    )
    console.log(
      `commit → last received     ${median(rounds.map((r) => r.commitToLast)).toFixed(2)} s median, ${worst.toFixed(2)} s worst`
    )
    console.log(
      `CPU per delivery           dispatcher ${perItem(cpu.dispatcher)} ms, PostgreSQL ${perItem(cpu.postgres)} ms, whole machine ${perItem(cpu.machine)} ms (raw loop: ${perItem(cpu.rawMachine)} ms per request, client and receiver)`
    )
    console.log(
      `database transactions      ${(cpu.transactions / (COUNT * ROUNDS)).toFixed(2)} per delivery (claims, settles, fan-out; counted rounds)`
    )
    console.log(
      `goals: >= 80% of raw ${dispatch >= 0.8 * raw ? 'met' : 'NOT met'}; all delivered <= 5 s ${worst <= 5 ? 'met' : 'NOT met'}`
    )
  }

  console.log(
    `${COUNT} events per round to one endpoint, ${ROUNDS} rounds after a warm-up round, ${CONCURRENCY} requests in flight, undici on loopback, PostgreSQL on loopback, ${cpus().length} cores for all of it`
  )
  for (const delayMs of RECEIVER_DELAYS_MS) await measure(delayMs)

  const expected = COUNT * (ROUNDS + 1) * RECEIVER_DELAYS_MS.length
  // The receiver counts a request before the dispatcher settles it: give the last settles 5 s.
  let delivered = 0
  for (let wait = 0; wait < 50 && delivered < expected; wait++) {
    ;[{ delivered }] = await sql`select count(*)::int as delivered from webhook_deliveries
                                  where status = 'DELIVERED'`
    if (delivered < expected) await new Promise((r) => setTimeout(r, 100))
  }
  // Where a delivery's time goes, from the rows: the POST as the attempt recorded it, and from
  // the POST's end to the settle's commit time (`delivered_at`).
  const [phases] = await sql`
    select percentile_cont(0.5) within group (order by a.duration_ms) as post_ms,
           percentile_cont(0.5) within group (
             order by extract(epoch from d.delivered_at - a.started_at) * 1000 - a.duration_ms
           ) as settle_ms
      from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
     where d.status = 'DELIVERED'`
  console.log(
    `\nper delivery (median)      POST ${Number(phases.post_ms).toFixed(1)} ms as recorded, then ${Number(phases.settle_ms).toFixed(1)} ms to the settle's clock reading`
  )
  console.log(
    `deliveries DELIVERED ${delivered} of ${expected}; bad signatures at the receiver: ${receiver.state.badSignatures}`
  )
} finally {
  await dispatcher?.stop()
  await sql.end({ timeout: 5 })
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.end({ timeout: 5 })
  receiver.close()
}

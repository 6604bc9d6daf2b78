// The customer list (page of 20, masked) under 50 connections with autocannon, next to a raw
// baseline in the same run: a bare Hono handler doing the same token lookup and page query with
// postgres.js on the same 5,000 rows (measured-limits.md). Goals: >= 70 % of baseline, p99 <= 100 ms.
// Needs PostgreSQL and `pnpm turbo run build`; then
//   node bench/api-list.mjs [postgres://postgres@127.0.0.1:5432/test]
import { createHash } from 'node:crypto'
import autocannon from 'autocannon'
import {
  apiRequire,
  createDatabase,
  postgres,
  seedPartner,
  seedPreregistrations,
  signIn,
  startApi,
} from './api-bench-support.mjs'

const { Hono } = await import(apiRequire.resolve('hono'))
const { serve } = await import(apiRequire.resolve('@hono/node-server'))
const serverUrl = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/test'
const DURATION = 10
const PATH = '/api/v1/customer-development/preregistrations?page=1&pageSize=20'

const mask = (s) => (s ? `${[...s][0]}***` : null)
const maskEmail = (e) => (e ? `${[...e][0]}***@${e.split('@')[1]}` : null)

/** The raw baseline: token-hash lookup, then one page with count(*) over (), masking in JS. */
function startBaseline(databaseUrl, port) {
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => undefined })
  const app = new Hono()
  app.get('/api/v1/customer-development/preregistrations', async (c) => {
    const token = (c.req.header('authorization') ?? '').slice(7)
    const hash = createHash('sha256').update(token).digest('hex')
    const [user] =
      await sql`select u.id, u.partner_id from access_tokens t join users u on u.id = t.user_id
      where t.token_hash = ${hash} and t.revoked_at is null and t.expires_at > now()`
    if (!user) return c.json({ error: 'unauthenticated' }, 401)
    const rows =
      await sql`select id, customer_name, email, mobile_e164, status, created_at, valid_until,
      count(*) over () as total from pre_registrations where partner_id = ${user.partner_id} and status <> 'DELETED'
      order by created_at desc, id desc limit 20 offset 0`
    return c.json({
      items: rows.map((r) => ({
        id: r.id,
        customerName: mask(r.customer_name),
        email: maskEmail(r.email),
        status: r.status,
        createdAt: r.created_at,
        validUntil: r.valid_until,
      })),
      total: Number(rows[0]?.total ?? 0),
      page: 1,
      pageSize: 20,
    })
  })
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.close()
      await sql.end({ timeout: 5 })
    },
  }
}

function load(url, token) {
  return autocannon({
    url,
    connections: 50,
    duration: DURATION,
    headers: { authorization: `Bearer ${token}` },
  })
}

const database = await createDatabase(serverUrl)
const api = await startApi({ databaseUrl: database.url, port: 3912 })
const sql = postgres(database.url, { max: 2, onnotice: () => undefined })
const baseline = startBaseline(database.url, 3913)
try {
  const partner = await seedPartner(sql)
  await seedPreregistrations(sql, { ...partner, count: 5000, tag: 'list' })
  await sql`analyze`
  const token = await signIn(api.base, partner.email)
  const check = await fetch(`${api.base}${PATH}`, { headers: { authorization: `Bearer ${token}` } })
  if (check.status !== 200) throw new Error(`list answered ${check.status}`)
  await load(`${baseline.base}${PATH}`, token) // warm-up both
  await load(`${api.base}${PATH}`, token)
  const raw = await load(`${baseline.base}${PATH}`, token)
  const ours = await load(`${api.base}${PATH}`, token)
  const line = (name, r) =>
    `  ${name.padEnd(9)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}`
  console.log(`api-list: page of 20 masked, 5,000 rows, 50 connections, ${DURATION} s each`)
  console.log(line('baseline', raw))
  console.log(line('api', ours))
  const ratio = ours.requests.average / raw.requests.average
  console.log(
    `  ratio ${(ratio * 100).toFixed(0)} % of baseline (goal >= 70 %): ${ratio >= 0.7 ? 'met' : 'NOT met'}; p99 goal <= 100 ms: ${ours.latency.p99 <= 100 ? 'met' : 'NOT met'}`
  )
} finally {
  await sql.end({ timeout: 5 })
  await baseline.stop()
  api.stop()
  await new Promise((resolve) => setTimeout(resolve, 500))
  await database.drop()
}

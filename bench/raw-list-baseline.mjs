// The raw list baseline of measured-limits.md as its own process: a bare Hono handler with
// postgres.js doing the token-hash lookup, then one page of 20 rows with count(*) over (), masking
// in JS. Started by api-list.mjs:  node bench/raw-list-baseline.mjs <database url> <port>
import { createHash } from 'node:crypto'
import { apiRequire, postgres } from './api-bench-support.mjs'

const { Hono } = await import(apiRequire.resolve('hono'))
const { serve } = await import(apiRequire.resolve('@hono/node-server'))
const [databaseUrl, port] = process.argv.slice(2)

const mask = (s) => (s ? `${[...s][0]}***` : null)
const maskEmail = (e) => (e ? `${[...e][0]}***@${e.split('@')[1]}` : null)

const sql = postgres(databaseUrl, { max: 10, onnotice: () => undefined })
const app = new Hono()
app.get('/api/ready', (c) => c.json({ ok: true }))
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
const server = serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' })
process.on('SIGTERM', () => {
  server.close()
  void sql.end({ timeout: 5 }).then(() => process.exit(0))
})

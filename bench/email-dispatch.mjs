// Dispatch throughput into a loopback SMTP sink versus raw pooled nodemailer to the same sink
// (5 connections, TCP_NODELAY, measured-limits.md), alternating over 3 rounds after a warm-up round of each, and commit-to-last-received for 1,000
// invitations (domain.md §8: >= 500 msg/s, >= 80% of raw, <= 5 s). Needs PostgreSQL and the
// built API: pnpm --filter @partner-center/api build; then
//   node bench/email-dispatch.mjs [postgres://postgres@127.0.0.1:5432/test]
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { Socket } from 'node:net'
import { fileURLToPath } from 'node:url'

const apiRequire = createRequire(new URL('../apps/api/package.json', import.meta.url))
const { SMTPServer } = apiRequire('smtp-server')
const nodemailer = (await import(apiRequire.resolve('nodemailer'))).default
const postgres = (await import(apiRequire.resolve('postgres'))).default
const { renderEmail } = await import('../packages/email-templates/dist/index.js')

const COUNT = 1_000
const serverUrl = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/test'
const bundle = fileURLToPath(new URL('../apps/api/dist/dispatcher.js', import.meta.url))

/** A loopback sink that counts messages (no parsing, so the sink is not the bottleneck). */
async function startSink() {
  const arrivals = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined)
      stream.on('end', () => {
        arrivals.push(performance.now())
        callback()
      })
    },
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: server.server.address().port, arrivals, close: () => server.close() }
}

async function rawBaseline(port) {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
    host: '127.0.0.1',
    port,
    getSocket: (_o, cb) => cb(null, { socket: new Socket().setNoDelay(true) }),
  })
  // The same mix the dispatcher sends below: every other invitation is in Chinese, whose
  // encoded body is larger and costs nodemailer more than English.
  const render = (locale) =>
    renderEmail({
      template: 'invitation',
      locale,
      linkPolicy: { origin: 'http://localhost:4175', appEnv: 'test' },
      props: {
        partnerName: 'Bench Partner',
        customerName: 'Customer Ltd',
        platformName: 'Example Cloud',
        link: `http://localhost:4175/invite#${'a'.repeat(43)}`,
        expiresAt: new Date(),
        recipientEmail: 'c@customer.example',
        partnerContact: 'sales@bench.example',
        associationType: 'reseller',
      },
    })
  const emails = [await render('en'), await render('zh-CN')]
  const start = performance.now()
  await Promise.all(
    Array.from({ length: COUNT }, (_, i) => {
      const email = emails[i % 2]
      return transport.sendMail({
        from: 'Partner Center <no-reply@partner-center.local>',
        to: `customer.${i}@customer.example`,
        replyTo: 'sales@bench.example',
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: `<raw.${i}@partner-center.local>`,
      })
    })
  )
  const seconds = (performance.now() - start) / 1000
  transport.close()
  return COUNT / seconds
}

async function queueInvitations(sql) {
  const now = new Date()
  const partnerId = randomUUID()
  const userId = randomUUID()
  const batchId = randomUUID()
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    prereg: randomUUID(),
    invitation: randomUUID(),
    email: `customer.${i}.${partnerId.slice(0, 8)}@customer.example`,
  }))
  await sql.begin(async (tx) => {
    await tx`insert into partners (id, name, contact_email, created_at, updated_at)
             values (${partnerId}, 'Bench Partner', 'sales@bench.example', ${now}, ${now})`
    await tx`insert into users (id, partner_id, email, email_canonical, display_name, role, password_hash, created_at, updated_at)
             values (${userId}, ${partnerId}, ${'u.' + partnerId + '@bench.example'}, ${'u.' + partnerId + '@bench.example'}, 'Bench', 'sales', 'x', ${now}, ${now})`
    await tx`insert into invitation_batches (id, partner_id, created_by_user_id, kind, association_type, requested_count, queued_count, skipped_count, results, created_at)
             values (${batchId}, ${partnerId}, ${userId}, 'INVITE', 'reseller', ${COUNT}, ${COUNT}, 0, '[]', ${now})`
    await tx`insert into pre_registrations ${tx(
      rows.map((r, i) => ({
        id: r.prereg,
        partner_id: partnerId,
        created_by_user_id: userId,
        customer_name: `Customer ${i} Ltd`,
        email: r.email,
        email_canonical: r.email,
        locale: i % 2 ? 'zh-CN' : 'en',
        status: 'PRE_REGISTERED',
        valid_from: now,
        valid_until: new Date(now.getTime() + 15 * 86_400_000),
        created_at: now,
        updated_at: now,
      }))
    )}`
    await tx`insert into invitations ${tx(
      rows.map((r, i) => ({
        id: r.invitation,
        partner_id: partnerId,
        preregistration_id: r.prereg,
        batch_id: batchId,
        created_by_user_id: userId,
        association_type: 'reseller',
        recipient_email: r.email,
        recipient_email_canonical: r.email,
        locale: i % 2 ? 'zh-CN' : 'en',
        status: 'QUEUED',
        message_id: `<invitation.${r.invitation}@partner-center.local>`,
        created_at: now,
        updated_at: now,
      }))
    )}`
    await tx`insert into outbox ${tx(
      rows.map((r) => ({
        id: randomUUID(),
        kind: 'INVITATION_EMAIL',
        aggregate_id: r.invitation,
        payload: tx.json({ invitationId: r.invitation }),
        dedupe_key: `invitation:${r.invitation}:send`,
        run_after: now,
        created_at: now,
      }))
    )}`
  })
}

const ROUNDS = 3
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Queues COUNT invitations for the running dispatcher and times their arrival at the sink. */
async function dispatchRound(sql, sink) {
  sink.arrivals.length = 0
  await queueInvitations(sql)
  const committedAt = performance.now()
  while (sink.arrivals.length < COUNT) await new Promise((r) => setTimeout(r, 10))
  const [firstAt, lastAt] = [sink.arrivals[0], sink.arrivals[COUNT - 1]]
  return { rate: COUNT / ((lastAt - firstAt) / 1000), commitToLast: (lastAt - committedAt) / 1000 }
}

const sink = await startSink()
const name = `pc_bench_${Date.now().toString(36)}`
const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined })
await admin.unsafe(`create database "${name}"`)
const url = new URL(serverUrl)
url.pathname = `/${name}`
const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined })
let child
try {
  child = spawn(process.execPath, [bundle], {
    env: {
      APP_ENV: 'test',
      DATABASE_URL: url.toString(),
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      PUBLIC_BASE_URL: 'http://localhost:4175',
      LOG_LEVEL: 'warn',
      // Tuning runs pass OUTBOX_* settings through (e.g. OUTBOX_SEND_CONCURRENCY=20).
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('OUTBOX_'))),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  // The dispatcher migrates the empty database at start; wait until the tables exist.
  for (;;) {
    const [row] = await sql`select to_regclass('public.outbox') as t`
    if (row.t) break
    await new Promise((r) => setTimeout(r, 100))
  }
  await new Promise((r) => setTimeout(r, 500))

  // One warm-up round of each first, not counted: the first thousand messages of a process run
  // through code V8 has not optimised yet, and the dispatcher's statements are prepared then.
  await rawBaseline(sink.port)
  await dispatchRound(sql, sink)
  // Rounds alternate raw and dispatcher, so a busy moment on the machine hits both alike;
  // the figures are medians over the rounds.
  const raws = []
  const rounds = []
  for (let round = 0; round < ROUNDS; round++) {
    raws.push(await rawBaseline(sink.port))
    rounds.push(await dispatchRound(sql, sink))
  }
  const raw = median(raws)
  const dispatch = median(rounds.map((r) => r.rate))
  const commitToLast = median(rounds.map((r) => r.commitToLast))
  const worst = Math.max(...rounds.map((r) => r.commitToLast))

  const fmt = (n) => Math.round(n).toLocaleString('en-US')
  console.log(
    `${COUNT} invitations per round, ${ROUNDS} rounds after a warm-up round, 5 pooled connections, TCP_NODELAY, PostgreSQL on loopback`
  )
  console.log(`raw pooled nodemailer      ${fmt(raw)} msg/s  (rounds: ${raws.map(fmt).join(', ')})`)
  console.log(
    `dispatcher (first→last)    ${fmt(dispatch)} msg/s  (${((dispatch / raw) * 100).toFixed(0)}% of raw; rounds: ${rounds.map((r) => fmt(r.rate)).join(', ')})`
  )
  console.log(
    `commit → last received     ${commitToLast.toFixed(2)} s median, ${worst.toFixed(2)} s worst`
  )
  console.log(
    `goals: >= 500 msg/s ${dispatch >= 500 ? 'met' : 'NOT met'}; >= 80% of raw ${dispatch >= 0.8 * raw ? 'met' : 'NOT met'}; <= 5 s ${worst <= 5 ? 'met' : 'NOT met'}`
  )
} finally {
  child?.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 500))
  await sql.end({ timeout: 5 })
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.end({ timeout: 5 })
  sink.close()
}

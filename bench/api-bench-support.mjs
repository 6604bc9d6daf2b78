// Shared set-up of the API benchmarks: a fresh database, the built API process, and SQL seeding.
// Not a test: run the api-*.mjs scripts on demand after `pnpm turbo run build`.
import { spawn } from 'node:child_process'
import { randomBytes, randomUUID, scryptSync } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

export const apiRequire = createRequire(new URL('../apps/api/package.json', import.meta.url))
export const postgres = (await import(apiRequire.resolve('postgres'))).default
export const PASSWORD = 'Passw0rd!bench'

/** Creates a fresh database on the server and returns its URL and a drop function. */
export async function createDatabase(serverUrl) {
  const name = `pc_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined })
  await admin.unsafe(`create database "${name}"`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}

/**
 * What both API benchmarks start with: a fresh database on the server the first argument names
 * (default the local test server), the built API on `port` over it, and a SQL client to seed it.
 * `close()` ends the three, dropping the database last. `bundle` is another build's
 * `apps/api/dist/server.js` (a baseline to compare with in the same run); it migrates its own
 * database.
 */
export async function startBenchApi({ port, bundle }) {
  // The first argument that is not a `--flag` (api-invite.mjs takes `--with-events`).
  const serverUrl =
    process.argv.slice(2).find((arg) => !arg.startsWith('--')) ??
    'postgres://postgres@127.0.0.1:5432/test'
  const database = await createDatabase(serverUrl)
  let api
  try {
    api = await startApi({ databaseUrl: database.url, port, bundle })
  } catch (error) {
    await database.drop()
    throw error
  }
  const sql = postgres(database.url, { max: 2, onnotice: () => undefined })
  return {
    databaseUrl: database.url,
    api,
    sql,
    async close() {
      await sql.end({ timeout: 5 })
      api.stop()
      // The API needs a moment to close its connections; `drop … with (force)` ends the rest.
      await new Promise((resolve) => setTimeout(resolve, 500))
      await database.drop()
    },
  }
}

/**
 * Starts `apps/api/dist/server.js` on a port and waits for /api/ready. Shaped like production:
 * an SMTP_URL is set, so the API runs no dispatcher (nor sink) in its process and the figures
 * are the API's alone; nothing listens there, and no dispatcher runs, so no mail is sent.
 */
export async function startApi({
  databaseUrl,
  port,
  bundle = fileURLToPath(new URL('../apps/api/dist/server.js', import.meta.url)),
}) {
  const child = spawn(process.execPath, [bundle], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_ENV: 'test',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'info',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
      PREREGISTRATION_RATE_LIMIT_PER_USER_PER_HOUR: '1000000',
      PREREGISTRATION_RATE_LIMIT_PER_PARTNER_PER_HOUR: '1000000',
      SMTP_URL: 'smtp://127.0.0.1:9',
      DISPATCHER_IN_PROCESS: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  try {
    await waitUntilListening(base)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return { base, stop: () => child.kill('SIGTERM') }
}

/** Waits until `${base}/api/ready` answers 2xx (20 s at most). */
export async function waitUntilListening(base) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${base} did not become ready`)
}

/** A partner with generous caps and one admin user; returns ids and the user's email. */
export async function seedPartner(sql) {
  const partnerId = randomUUID()
  const userId = randomUUID()
  const email = `bench.${partnerId.slice(0, 8)}@bench.example`
  const salt = randomBytes(16)
  const key = scryptSync(PASSWORD.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 })
  const hash = `scrypt:16384:8:1:${salt.toString('base64url')}:${key.toString('base64url')}`
  const now = new Date()
  await sql`insert into partners (id, name, contact_email, customer_development_enabled,
    referral_model_enabled, preregistration_quota, daily_invite_cap, created_at, updated_at)
    values (${partnerId}, 'Bench Partner', 'contact@bench.example', true, true, 10000, 100000, ${now}, ${now})`
  await sql`insert into users (id, partner_id, email, email_canonical, display_name, role,
    password_hash, created_at, updated_at)
    values (${userId}, ${partnerId}, ${email}, ${email}, 'Bench Admin', 'admin', ${hash}, ${now}, ${now})`
  return { partnerId, userId, email }
}

/** Inserts `count` PRE_REGISTERED rows with fresh emails; returns their ids. */
export async function seedPreregistrations(sql, { partnerId, userId, count, tag }) {
  const now = Date.now()
  const rows = Array.from({ length: count }, (_, n) => {
    const email = `c${n}.${tag}@customer.example`
    return {
      id: randomUUID(),
      partner_id: partnerId,
      created_by_user_id: userId,
      source: 'PARTNER_CENTER',
      customer_name: `Customer ${n} ${tag}`,
      email,
      email_canonical: email,
      mobile_e164: null,
      locale: 'en',
      status: 'PRE_REGISTERED',
      valid_from: new Date(now),
      valid_until: new Date(now + 15 * 86_400_000),
      created_at: new Date(now - n * 1000),
      updated_at: new Date(now),
    }
  })
  for (let i = 0; i < rows.length; i += 1000)
    await sql`insert into pre_registrations ${sql(rows.slice(i, i + 1000))}`
  return rows.map((row) => row.id)
}

/** Signs in through the API and returns the bearer token. */
export async function signIn(base, email) {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`)
  return (await response.json()).token
}

/** The q-quantile of sorted numbers. */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

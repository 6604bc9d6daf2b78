// What the webhook benches share: an endpoint row with a signing secret sealed as the API seals
// it (AES-256-GCM under the HKDF subkey `AES-GCM:webhook-secret` of DATA_ENCRYPTION_KEY,
// apps/api/src/security/keyring.ts), so the dispatcher under test can open it and sign.
import { spawn } from 'node:child_process'
import { createHmac, randomBytes, randomUUID, timingSafeEqual, webcrypto } from 'node:crypto'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'

const encoder = new TextEncoder()
const PURPOSE = 'webhook-secret'
const base64Url = (bytes) => Buffer.from(bytes).toString('base64url')

/** A data key for the processes of one bench run: its id and its base64 for the environment. */
export function benchDataKey() {
  const secret = randomBytes(32)
  return {
    id: 'k1',
    secret,
    env: { DATA_ENCRYPTION_KEY: secret.toString('base64'), DATA_ENCRYPTION_KEY_ID: 'k1' },
  }
}

/** `whsec_…` and its 32 bytes (R128). */
export function newSigningSecret() {
  const bytes = randomBytes(32)
  return { bytes, text: `whsec_${bytes.toString('base64')}` }
}

/** The keyring's `seal`: `<keyId>:<iv base64url>:<ciphertext base64url>`. */
export async function sealSecret(dataKey, plaintext) {
  const root = await webcrypto.subtle.importKey('raw', dataKey.secret, 'HKDF', false, ['deriveKey'])
  const key = await webcrypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('partner-center/data-keyring'),
      info: encoder.encode(`AES-GCM:${PURPOSE}`),
    },
    root,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt']
  )
  const iv = webcrypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await webcrypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(PURPOSE) },
    key,
    encoder.encode(plaintext)
  )
  return `${dataKey.id}:${base64Url(iv)}:${base64Url(new Uint8Array(ciphertext))}`
}

/** Every type of the catalogue (§13.5): an endpoint subscribed to all events. */
export const ALL_EVENT_TYPES = [
  'preregistration.created',
  'preregistration.deleted',
  'preregistration.review_decided',
  'preregistration.expired',
  'invitation.queued',
  'invitation.sent',
  'invitation.failed_to_send',
  'invitation.reminder_sent',
  'invitation.expired',
  'invitation.renewal_requested',
  'invitation.accepted',
  'association.created',
  'association.failed',
]

/**
 * Writes an `ENABLED` endpoint subscribed to every type: the platform's (`partnerId` null,
 * created by an ecosystem manager it writes) or a partner's (created by `userId`).
 */
export async function insertEndpoint(sql, { dataKey, url, partnerId = null, userId }) {
  const now = new Date()
  let creator = userId
  if (!creator) {
    creator = randomUUID()
    const email = `manager.${creator.slice(0, 8)}@bench.example`
    await sql`insert into users (id, partner_id, email, email_canonical, display_name, role, password_hash, created_at, updated_at)
              values (${creator}, null, ${email}, ${email}, 'Bench Manager', 'ecosystem_manager', 'x', ${now}, ${now})`
  }
  const secret = newSigningSecret()
  const id = randomUUID()
  await sql`insert into webhook_endpoints
              (id, partner_id, url, event_types, description, status, secret_ciphertext, secret_key_id,
               created_by_user_id, created_at, updated_at)
            values (${id}, ${partnerId}, ${url}, ${ALL_EVENT_TYPES}, 'bench', 'ENABLED',
                    ${await sealSecret(dataKey, secret.text)}, ${dataKey.id}, ${creator}, ${now}, ${now})`
  return { id, secret }
}

/**
 * A loopback receiver that answers 204 and notes each arrival, at once or `state.delayMs` after
 * it. Once `state.secret` holds the endpoint's secret bytes it checks every signature, as a
 * receiver would, and counts the bad ones.
 */
export async function startWebhookReceiver() {
  const state = { arrivals: [], badSignatures: 0, secret: null, delayMs: 0 }
  const server = createServer((request, response) => {
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      if (state.secret) {
        const body = Buffer.concat(chunks).toString('utf8')
        const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${body}`
        const expected = createHmac('sha256', state.secret).update(signed).digest()
        const given = String(request.headers['webhook-signature'] ?? '')
          .split(' ')
          .map((part) => Buffer.from(part.replace(/^v1,/, ''), 'base64'))
        if (!given.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected)))
          state.badSignatures++
      }
      state.arrivals.push(performance.now())
      if (state.delayMs > 0) setTimeout(() => response.writeHead(204).end(), state.delayMs)
      else response.writeHead(204).end()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { state, port: server.address().port, close: () => server.close() }
}

/**
 * Starts the built dispatcher (`apps/api/dist/dispatcher.js`) on a database and waits until its
 * migrations made the webhook tables. `env` adds to or overrides the defaults.
 */
export async function startBuiltDispatcher(sql, { databaseUrl, env = {} }) {
  const bundle = fileURLToPath(new URL('../../apps/api/dist/dispatcher.js', import.meta.url))
  // BENCH_CPU_PROFILE_DIR=<dir> writes the dispatcher's V8 CPU profile there when it stops.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  const child = spawn(process.execPath, [...profile, bundle], {
    env: {
      APP_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SMTP_URL: 'smtp://127.0.0.1:9',
      PUBLIC_BASE_URL: 'http://localhost:4175',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  for (;;) {
    const [row] = await sql`select to_regclass('public.webhook_events') as t`
    if (row.t) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  return {
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => setTimeout(resolve, 500))
    },
  }
}

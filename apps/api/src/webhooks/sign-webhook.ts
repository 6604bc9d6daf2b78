/**
 * Webhook signing secrets and signatures (domain.md §13, R128–R130): Standard Webhooks 1.0,
 * symmetric `v1` signatures only. New secrets come from Web Crypto (the worker makes them too);
 * signatures from `node:crypto`'s synchronous HMAC, because Web Crypto's `sign` schedules a job
 * per call that cost the dispatcher a quarter of its CPU per delivery (bench/webhook-dispatch.mjs).
 * Only the dispatcher signs; on workerd `node:crypto` comes from nodejs_compat.
 */

import { createHmac } from 'node:crypto'
import { DEFAULT_LIMITS, WEBHOOK_SECRET_PREFIX } from '@partner-center/domain'

/** What is signed: one attempt's `webhook-id`, `webhook-timestamp` and body (R130). */
export interface WebhookSigningInput {
  /** `evt_{eventId}`, the same on every attempt. */
  webhookId: string
  /** The attempt's start in integer Unix seconds, as sent in `webhook-timestamp`. */
  timestamp: number
  /** The exact body bytes sent, as the UTF-8 text stored in the event's `payload`. */
  body: string
  /** The current secret's bytes first, then the previous one's while it still signs (R129). */
  secrets: readonly Uint8Array[]
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function hmacSha256Base64(secret: Uint8Array, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64')
}

/**
 * The `webhook-signature` header of one attempt (R130): `v1,` and the padded base64 of
 * HMAC-SHA-256 over `{webhook-id}.{webhook-timestamp}.{body}`, one per secret in the order
 * given (the new secret first), separated by a space.
 *
 * @example
 * signWebhook({ webhookId: 'evt_…', timestamp: 1796592600, body, secrets: [current, previous] })
 * // 'v1,K5oZ…= v1,9Qm1…='
 */
export function signWebhook(input: WebhookSigningInput): string {
  if (input.secrets.length === 0) throw new Error('A webhook is signed with at least one secret')
  if (!Number.isSafeInteger(input.timestamp)) throw new Error('webhook-timestamp is whole seconds')
  const content = `${input.webhookId}.${String(input.timestamp)}.${input.body}`
  return input.secrets.map((secret) => `v1,${hmacSha256Base64(secret, content)}`).join(' ')
}

/**
 * A new signing secret (R128): `WEBHOOK_SECRET_BYTES` (32) cryptographically random bytes as
 * `whsec_` and standard padded base64, 50 characters in all.
 *
 * @example
 * newWebhookSecret() // 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+Db2v3lMjQg='
 */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(DEFAULT_LIMITS.WEBHOOK_SECRET_BYTES))
  return `${WEBHOOK_SECRET_PREFIX}${toBase64(bytes)}`
}

const SECRET_SHAPE = /^whsec_([A-Za-z0-9+/]{43}=)$/

/**
 * The HMAC key of a `whsec_` secret: its 32 bytes, as the `standardwebhooks` library decodes
 * them. Throws on any other text: secrets come only from {@link newWebhookSecret}, through the
 * endpoint's ciphertext.
 *
 * @example
 * secretBytes(newWebhookSecret()).length // 32
 */
export function secretBytes(whsec: string): Uint8Array {
  const base64 = SECRET_SHAPE.exec(whsec)?.[1]
  if (base64 === undefined) throw new Error('Not a webhook signing secret')
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0))
}

import { webhookIdOf } from '@partner-center/domain'
import type { Keyring } from '../security/keyring'
import type { ClaimedDelivery } from './claim-deliveries'
import type { AttemptResult, WebhookClient } from './send-webhook'
import { secretBytes, signWebhook } from './sign-webhook'
import { openWebhookSecret } from './webhook-secrets'

/** What the webhook loops' attempts share. */
export interface AttemptContext {
  keyring: Keyring
  client: WebhookClient
  clock: { now(): Date }
}

/** One attempt as made: its start, the header's timestamp, and what came of it. */
export interface MadeAttempt {
  startedAt: Date
  /** `webhook-timestamp`: the start in integer Unix seconds (R130). */
  webhookTimestamp: number
  result: AttemptResult
}

/**
 * The secrets an attempt starting at `startedAt` signs with (R129): the current one, and the
 * previous one after it while `startedAt` is before `previousSecretExpiresAt`.
 */
async function signingSecrets(
  keyring: Keyring,
  delivery: ClaimedDelivery,
  startedAt: Date
): Promise<Uint8Array[]> {
  const current = secretBytes(await openWebhookSecret(keyring, delivery.secretCiphertext))
  const previousStillSigns =
    delivery.previousSecretCiphertext !== null &&
    delivery.previousSecretExpiresAt !== null &&
    startedAt.getTime() < delivery.previousSecretExpiresAt.getTime()
  if (!previousStillSigns || delivery.previousSecretCiphertext === null) return [current]
  const previous = secretBytes(await openWebhookSecret(keyring, delivery.previousSecretCiphertext))
  return [current, previous]
}

/**
 * Makes one attempt of a claimed delivery (R130): a POST of the event's payload to the
 * endpoint's current URL with exactly the Standard Webhooks headers, signed at the attempt's own
 * start. No transaction or database connection is held meanwhile. Rejects only when a secret
 * cannot be opened (a retired key dropped too early): the delivery is then left to its lease.
 *
 * @example
 * const made = await makeWebhookAttempt(ctx, claimed)
 */
export async function makeWebhookAttempt(
  ctx: AttemptContext,
  delivery: ClaimedDelivery
): Promise<MadeAttempt> {
  const startedAt = ctx.clock.now()
  const webhookTimestamp = Math.floor(startedAt.getTime() / 1000)
  const webhookId = webhookIdOf(delivery.eventId)
  const signature = signWebhook({
    webhookId,
    timestamp: webhookTimestamp,
    body: delivery.payload,
    secrets: await signingSecrets(ctx.keyring, delivery, startedAt),
  })
  const result = await ctx.client.send({
    url: delivery.url,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'PartnerCenter-Webhooks/1',
      'webhook-id': webhookId,
      'webhook-timestamp': String(webhookTimestamp),
      'webhook-signature': signature,
    },
    body: delivery.payload,
  })
  return { startedAt, webhookTimestamp, result }
}

import type { Database } from '@partner-center/db'
import {
  partners,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from '@partner-center/db/schema'
import type { WebhookEndpointStatus, WebhookEventType } from '@partner-center/domain'
import { asc, count, eq, inArray } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import {
  createKeyring,
  decodeDataKey,
  DEVELOPMENT_ONLY_DATA_KEY,
  type Keyring,
} from '../../src/security/keyring'
import { newWebhookSecret } from '../../src/webhooks/sign-webhook'
import {
  DEFAULT_WEBHOOK_DISPATCH_CONFIG,
  type WebhookDispatchConfig,
} from '../../src/webhooks/webhook-dispatch-config'
import { sealWebhookSecret } from '../../src/webhooks/webhook-secrets'
import { insertPartner } from '../outbox/outbox-fixtures'

/** The keyring of the built dispatcher outside production (the development data key, `k1`). */
export function testKeyring(): Keyring {
  return createKeyring({
    current: { id: 'k1', secret: decodeDataKey(DEVELOPMENT_ONLY_DATA_KEY) ?? new Uint8Array() },
    previous: [],
  })
}

/** §13.8 defaults with a quick poll. */
export function testWebhookConfig(
  overrides: Partial<WebhookDispatchConfig> = {}
): WebhookDispatchConfig {
  return { ...DEFAULT_WEBHOOK_DISPATCH_CONFIG, pollIntervalMs: 20, ...overrides }
}

/** A partner (with one user, the endpoints' creator) whose module is on or off. */
export async function insertWebhookPartner(
  db: Database,
  options: { moduleEnabled?: boolean } = {}
) {
  const partner = await insertPartner(db)
  if (options.moduleEnabled === false) {
    await db
      .update(partners)
      .set({ customerDevelopmentEnabled: false })
      .where(eq(partners.id, partner.partnerId))
  }
  return partner
}

/** What {@link insertEndpoint} made: the row's id and the raw secrets the receiver holds. */
export interface InsertedEndpoint {
  id: string
  secret: string
  previousSecret: string | null
}

/** An endpoint written as the endpoint API writes it (W1, W6), its secrets sealed (R128). */
export async function insertEndpoint(
  db: Database,
  keyring: Keyring,
  options: {
    partnerId: string | null
    createdByUserId: string
    url: string
    eventTypes?: WebhookEventType[]
    status?: WebhookEndpointStatus
    createdAt?: Date
    /** A rotation: the replaced secret signs too until `expiresAt` (R129). */
    previousExpiresAt?: Date
  }
): Promise<InsertedEndpoint> {
  const now = options.createdAt ?? new Date(Date.now() - 60_000)
  const secret = newWebhookSecret()
  const sealed = await sealWebhookSecret(keyring, secret)
  const previousSecret = options.previousExpiresAt ? newWebhookSecret() : null
  const previous = previousSecret ? await sealWebhookSecret(keyring, previousSecret) : null
  const status = options.status ?? 'ENABLED'
  const id = randomUUID()
  await db.insert(webhookEndpoints).values({
    id,
    partnerId: options.partnerId,
    url: options.url,
    eventTypes: options.eventTypes ?? ['invitation.sent', 'association.created'],
    status,
    disabledReason: status === 'DISABLED' ? 'USER' : null,
    disabledAt: status === 'DISABLED' ? now : null,
    deletedAt: status === 'DELETED' ? now : null,
    secretCiphertext: sealed.ciphertext,
    secretKeyId: sealed.keyId,
    previousSecretCiphertext: previous?.ciphertext ?? null,
    previousSecretKeyId: previous?.keyId ?? null,
    previousSecretExpiresAt: options.previousExpiresAt ?? null,
    createdByUserId: options.createdByUserId,
    createdAt: now,
    updatedAt: now,
  })
  return { id, secret, previousSecret }
}

/** One event as inserted: its id and the exact body. */
export interface InsertedEvent {
  id: string
  payload: string
}

/** Writes `count` events of one partner as the event writers do (E1, not fanned out). */
export async function insertEvents(
  db: Database,
  options: { partnerId: string; count: number; type?: WebhookEventType; occurredAt?: Date }
): Promise<InsertedEvent[]> {
  const occurredAt = options.occurredAt ?? new Date()
  const type = options.type ?? 'invitation.sent'
  const rows = Array.from({ length: options.count }, (_, index) => {
    const id = randomUUID()
    const entityId = randomUUID()
    const payload = JSON.stringify({
      id: `evt_${id}`,
      type,
      occurredAt: occurredAt.toISOString(),
      partnerId: options.partnerId,
      data: { entity: { id: entityId, version: 1, index } },
    })
    return {
      id,
      type,
      partnerId: options.partnerId,
      entityType: 'invitation' as const,
      entityId,
      entityVersion: 1,
      occurredAt,
      payload,
    }
  })
  for (let start = 0; start < rows.length; start += 500) {
    await db.insert(webhookEvents).values(rows.slice(start, start + 500))
  }
  return rows.map((row) => ({ id: row.id, payload: row.payload }))
}

/** The attempt rows of some deliveries, by number. */
export function attemptsOf(db: Database, deliveryIds: readonly string[]) {
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, [...deliveryIds]))
    .orderBy(asc(webhookAttempts.number))
}

/** The deliveries of some endpoints. */
export function deliveriesOf(db: Database, endpointIds: readonly string[]) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.endpointId, [...endpointIds]))
}

/**
 * How many deliveries some endpoints have in each status: a cheap poll for tests that wait on
 * thousands of rows (reading them all every 20 ms would slow the loops under test).
 */
export async function deliveryCounts(
  db: Database,
  endpointIds: readonly string[]
): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: webhookDeliveries.status, n: count() })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.endpointId, [...endpointIds]))
    .groupBy(webhookDeliveries.status)
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]))
}

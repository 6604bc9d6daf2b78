import type { Database } from '@partner-center/db'
import {
  outbox,
  partners,
  users,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from '@partner-center/db/schema'
import type { Locale, Role, WebhookAttemptOutcome } from '@partner-center/domain'
import { randomUUID } from 'node:crypto'

// Issue 21 (R134, §13.9.1): endpoints the dispatcher's settle left DISABLED after a day of
// failures, with their last attempt and the queued email row, for the disable email tests.

const HOUR = 3_600_000

/** Writes a user; an ecosystem manager belongs to no partner (§3.2). */
export async function insertUser(
  db: Database,
  options: { partnerId: string | null; role: Role; locale: Locale; status?: 'ACTIVE' | 'DISABLED' }
): Promise<{ id: string; email: string }> {
  const id = randomUUID()
  const email = `user.${id.slice(0, 8)}@${options.partnerId ? 'alpha' : 'platform'}.example`
  const now = new Date()
  await db.insert(users).values({
    id,
    partnerId: options.partnerId,
    email,
    emailCanonical: email,
    displayName: 'Someone',
    role: options.role,
    locale: options.locale,
    status: options.status ?? 'ACTIVE',
    passwordHash: 'scrypt:unused',
    createdAt: now,
    updatedAt: now,
  })
  return { id, email }
}

/** Writes a partner with a contact email in `locale`. */
export async function insertWebhookPartner(db: Database, locale: Locale): Promise<string> {
  const id = randomUUID()
  const now = new Date()
  await db.insert(partners).values({
    id,
    name: 'Alpha Partner',
    contactEmail: `contact.${id.slice(0, 8)}@alpha.example`,
    contactMobile: '+8613800000001',
    defaultLocale: locale,
    customerDevelopmentEnabled: true,
    referralModelEnabled: true,
    createdAt: now,
    updatedAt: now,
  })
  return id
}

/** What {@link insertDisabledEndpoint} wrote. */
export interface DisabledEndpoint {
  id: string
  disabledAt: Date
  failingSince: Date
  outboxId: string
}

/**
 * Writes an endpoint as W4 leaves it: `DISABLED` (`FAILING`) at `disabledAt`, failing for a
 * day before, with one event whose non-test delivery failed with `lastOutcome`, and the queued
 * `WEBHOOK_ENDPOINT_DISABLED_EMAIL` row.
 */
export async function insertDisabledEndpoint(
  db: Database,
  options: {
    partnerId: string | null
    createdByUserId: string
    url: string
    description?: string
    lastOutcome: { outcome: WebhookAttemptOutcome; statusCode: number | null }
  }
): Promise<DisabledEndpoint> {
  const id = randomUUID()
  // Whole milliseconds, as the database keeps them (microseconds would break the key match).
  const disabledAt = new Date(Math.floor(Date.now() / 1000) * 1000 - HOUR)
  const failingSince = new Date(disabledAt.getTime() - 24 * HOUR - 20 * 60_000)
  await db.insert(webhookEndpoints).values({
    id,
    partnerId: options.partnerId,
    url: options.url,
    eventTypes: ['invitation.sent'],
    description: options.description ?? '',
    status: 'DISABLED',
    disabledReason: 'FAILING',
    disabledAt,
    secretCiphertext: 'sealed:unused',
    secretKeyId: 'k1',
    failingSince,
    createdByUserId: options.createdByUserId,
    createdAt: failingSince,
    updatedAt: disabledAt,
  })
  const eventPartnerId = options.partnerId ?? (await insertWebhookPartner(db, 'en'))
  const eventId = randomUUID()
  await db.insert(webhookEvents).values({
    id: eventId,
    type: 'invitation.sent',
    partnerId: eventPartnerId,
    entityType: 'invitation',
    entityId: randomUUID(),
    entityVersion: 1,
    occurredAt: failingSince,
    payload: '{}',
    fannedOutAt: failingSince,
  })
  const deliveryId = randomUUID()
  await db.insert(webhookDeliveries).values({
    id: deliveryId,
    eventId,
    endpointId: id,
    eventPartnerId,
    endpointPartnerId: options.partnerId,
    status: 'CANCELLED',
    cancelReason: 'ENDPOINT_DISABLED',
    attempts: 2,
    runAfter: disabledAt,
    windowStartsAt: failingSince,
    createdAt: failingSince,
  })
  // An earlier attempt with another outcome: the email names the last one.
  await db.insert(webhookAttempts).values([
    {
      deliveryId,
      number: 1,
      startedAt: failingSince,
      webhookTimestamp: Math.floor(failingSince.getTime() / 1000),
      durationMs: 10_000,
      outcome: 'TIMEOUT',
      statusCode: null,
    },
    {
      deliveryId,
      number: 2,
      startedAt: new Date(disabledAt.getTime() - 1000),
      webhookTimestamp: Math.floor(disabledAt.getTime() / 1000),
      durationMs: 40,
      outcome: options.lastOutcome.outcome,
      statusCode: options.lastOutcome.statusCode,
    },
  ])
  const outboxId = randomUUID()
  await db.insert(outbox).values({
    id: outboxId,
    kind: 'WEBHOOK_ENDPOINT_DISABLED_EMAIL',
    aggregateId: id,
    payload: { endpointId: id },
    dedupeKey: `webhook-endpoint:${id}:disabled:${disabledAt.getTime()}`,
    runAfter: disabledAt,
    createdAt: disabledAt,
  })
  return { id, disabledAt, failingSince, outboxId }
}

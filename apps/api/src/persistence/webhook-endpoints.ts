import type { Database } from '@partner-center/db/portable'
import {
  users,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookEndpointRow,
} from '@partner-center/db/schema'
import type { WebhookCancelReason } from '@partner-center/domain'
import { and, count, desc, eq, isNull, ne, type SQL } from 'drizzle-orm'
import { lockKeys } from './locks'

// Webhook endpoints (domain.md §13.3.1): every query is scoped by the owner, a partner or the
// platform (`partnerId` null), and skips `DELETED` rows, so another partner's endpoint, a
// platform one on a partner path, the reverse and a deleted one are all absent (R2).

/** The live rows of one owner: a partner's endpoints, or the platform's. */
function ownedBy(partnerId: string | null): SQL {
  const owner =
    partnerId === null
      ? isNull(webhookEndpoints.partnerId)
      : eq(webhookEndpoints.partnerId, partnerId)
  return and(owner, ne(webhookEndpoints.status, 'DELETED'))!
}

/** An endpoint row with its creator's display name, as the list shows it. */
export interface WebhookEndpointWithCreator {
  endpoint: WebhookEndpointRow
  creatorName: string
}

/** Serialises the creations of one owner's endpoints, so the count of R126 holds under races. */
export async function lockOwnerWebhookEndpoints(
  tx: Database,
  partnerId: string | null
): Promise<void> {
  await lockKeys(tx, [`webhook-endpoints:${partnerId ?? 'platform'}`])
}

/** How many endpoints not `DELETED` the owner has (R126). */
export async function countLiveWebhookEndpoints(
  db: Database,
  partnerId: string | null
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(webhookEndpoints).where(ownedBy(partnerId))
  return row?.n ?? 0
}

/** One page of the owner's endpoints, newest first, and how many there are. */
export async function findWebhookEndpointPage(
  db: Database,
  options: { partnerId: string | null; limit: number; offset: number }
): Promise<{ rows: WebhookEndpointWithCreator[]; total: number }> {
  const scoped = ownedBy(options.partnerId)
  const rows = await db
    .select({ endpoint: webhookEndpoints, creatorName: users.displayName })
    .from(webhookEndpoints)
    .innerJoin(users, eq(users.id, webhookEndpoints.createdByUserId))
    .where(scoped)
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(options.limit)
    .offset(options.offset)
  const [total] = await db.select({ n: count() }).from(webhookEndpoints).where(scoped)
  return { rows, total: total?.n ?? 0 }
}

/**
 * The owner's live endpoint `id` with its creator; `lock` takes `FOR UPDATE` (W2–W7) or
 * `FOR SHARE` (a test event, a Redeliver: they only need it to stay `ENABLED`).
 */
export async function findOwnedWebhookEndpoint(
  db: Database,
  options: { partnerId: string | null; id: string; lock?: 'update' | 'share' }
): Promise<WebhookEndpointWithCreator | undefined> {
  const query = db
    .select({ endpoint: webhookEndpoints, creatorName: users.displayName })
    .from(webhookEndpoints)
    .innerJoin(users, eq(users.id, webhookEndpoints.createdByUserId))
    .where(and(eq(webhookEndpoints.id, options.id), ownedBy(options.partnerId)))
    .limit(1)
  const [row] = options.lock ? await query.for(options.lock, { of: webhookEndpoints }) : await query
  return row
}

/**
 * D6 for a disable or a delete (W2, W7): the endpoint's `PENDING` deliveries become `CANCELLED`
 * with `reason`. A `SENDING` one is left to its settle, which sees the endpoint's state.
 */
export async function cancelPendingDeliveries(
  tx: Database,
  endpointId: string,
  reason: WebhookCancelReason
): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'CANCELLED', cancelReason: reason, lockedUntil: null })
    .where(
      and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, 'PENDING'))
    )
}

/** Writes an endpoint's new values and answers the row as stored. */
export async function updateWebhookEndpoint(
  tx: Database,
  id: string,
  values: Partial<WebhookEndpointRow>
): Promise<WebhookEndpointRow> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set(values)
    .where(eq(webhookEndpoints.id, id))
    .returning()
  if (!row) throw new Error('webhook endpoint: update returned no row')
  return row
}

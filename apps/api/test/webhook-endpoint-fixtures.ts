// Shared steps of the webhook endpoint tests (docs/domain.md §13, R126–R138).
import { executeRows } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { CD, type TestApp } from './helpers'

/** The partner side's endpoint collection. */
export const ENDPOINTS = `${CD}/webhook-endpoints`
/** The platform side's endpoint collection (the ecosystem manager's). */
export const ADMIN_ENDPOINTS = '/api/v1/admin/webhook-endpoints'
/** A well-formed id no row has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

/** An endpoint as answered (the fields the tests read). */
export interface EndpointAnswer {
  id: string
  url: string
  eventTypes: string[]
  description: string
  status: string
  disabledReason: string | null
  disabledAt: string | null
  failingSince: string | null
  secretRotatedAt: string | null
  previousSecretExpiresAt: string | null
  createdBy: { id: string; displayName: string }
  secret?: string
}

/** A creation body that passes R126 outside production. */
export function endpointBody(extra: Record<string, unknown> = {}) {
  return {
    url: 'https://crm.example.com/hooks/partner-center?token=receiver-own-token',
    eventTypes: ['invitation.sent', 'preregistration.created'],
    description: 'CRM',
    ...extra,
  }
}

/** Every signing secret answered in a test file, for the leak checks (R144). */
export const issuedSecrets: string[] = []

/** `POST` an endpoint; a 201's secret is remembered in {@link issuedSecrets}. */
export async function postEndpoint(
  t: TestApp,
  token: string,
  body: Record<string, unknown> = endpointBody(),
  collection = ENDPOINTS
) {
  const answer = await t.call<EndpointAnswer>('POST', collection, { token, body })
  if (answer.status === 201 && answer.body.secret) issuedSecrets.push(answer.body.secret)
  return answer
}

/** Creates an endpoint that must be accepted, and answers it. */
export async function newEndpoint(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
  collection = ENDPOINTS
): Promise<EndpointAnswer> {
  const answer = await postEndpoint(t, token, endpointBody(extra), collection)
  expect(answer.status, answer.text).toBe(201)
  return answer.body
}

/** Deletes every live endpoint of a side, so a test starts from none. */
export async function deleteAll(t: TestApp, token: string, collection = ENDPOINTS) {
  const page = await t.call<{ items: EndpointAnswer[] }>('GET', `${collection}?pageSize=100`, {
    token,
  })
  for (const item of page.body.items) {
    expect((await t.call('DELETE', `${collection}/${item.id}`, { token })).status).toBe(204)
  }
}

/** One row of a table by id, as stored. */
export async function rowOf(t: TestApp, table: string, id: string) {
  const [row] = await executeRows<Record<string, unknown>>(
    t.database.db,
    sql`select * from ${sql.identifier(table)} where id = ${id}`
  )
  return row
}

/** The audit events of an entity, oldest first: action, actor type and details. */
export async function auditsOf(t: TestApp, entityId: string) {
  return executeRows<{ action: string; actor_type: string; details: Record<string, unknown> }>(
    t.database.db,
    sql`select action, actor_type, details from audit_events where entity_id = ${entityId}
        order by occurred_at, action`
  )
}

/** Inserts a delivery of a fresh event of the endpoint's partner, in `status` (a fixture). */
export async function plantDelivery(
  t: TestApp,
  endpoint: { id: string; partnerId: string | null },
  status: 'PENDING' | 'SENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED',
  eventPartnerId: string
) {
  const eventId = crypto.randomUUID()
  const deliveryId = crypto.randomUUID()
  const now = t.clock.now().toISOString()
  const later = new Date(t.clock.now().getTime() + 60_000).toISOString()
  const entityId = crypto.randomUUID()
  const payload = JSON.stringify({ type: 'invitation.sent', timestamp: now })
  await t.database.db.execute(sql`insert into webhook_events
    (id, type, partner_id, entity_type, entity_id, entity_version, occurred_at, payload, fanned_out_at)
    values (${eventId}, 'invitation.sent', ${eventPartnerId}, 'invitation', ${entityId}, 1,
            ${now}::timestamptz, ${payload}, ${now}::timestamptz)`)
  await t.database.db.execute(sql`insert into webhook_deliveries
    (id, event_id, endpoint_id, event_partner_id, endpoint_partner_id, status, attempts, run_after,
     window_starts_at, created_at, cancel_reason, delivered_at, locked_until)
    values (${deliveryId}, ${eventId}, ${endpoint.id}, ${eventPartnerId}, ${endpoint.partnerId},
            ${status}, ${status === 'PENDING' ? 0 : 1}, ${now}::timestamptz, ${now}::timestamptz,
            ${now}::timestamptz,
            ${status === 'CANCELLED' ? 'ENDPOINT_DISABLED' : null},
            ${status === 'DELIVERED' ? now : null}::timestamptz,
            ${status === 'SENDING' ? later : null}::timestamptz)`)
  return { eventId, deliveryId, payload }
}

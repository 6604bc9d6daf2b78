import { WEBHOOK_EVENT_BODIES } from '@partner-center/contracts'
import { executeRows } from '@partner-center/db'
import { isWebhookEventType } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import type { TestApp } from '../helpers'

/** One stored webhook event (§13.3.2) with its body parsed by the contracts schema of its type. */
export interface StoredEvent {
  type: string
  partnerId: string
  entityType: string
  entityVersion: number
  occurredAt: Date
  payload: string
  body: { type: string; timestamp: string; data: Record<string, unknown> }
}

/** The events about one entity, oldest version first; each body must parse with its schema. */
export async function eventsOf(t: TestApp, entityId: string): Promise<StoredEvent[]> {
  const rows = await executeRows<{
    type: string
    partner_id: string
    entity_type: string
    entity_version: number
    occurred_at: Date | string
    payload: string
  }>(
    t.database.db,
    sql`select type, partner_id, entity_type, entity_version, occurred_at, payload
          from webhook_events where entity_id = ${entityId}
         order by entity_version, occurred_at`
  )
  return rows.map((row) => {
    if (!isWebhookEventType(row.type)) throw new Error(`not a catalogue type: ${row.type}`)
    const body = WEBHOOK_EVENT_BODIES[row.type].parse(
      JSON.parse(row.payload)
    ) as StoredEvent['body']
    return {
      type: row.type,
      partnerId: row.partner_id,
      entityType: row.entity_type,
      entityVersion: Number(row.entity_version),
      occurredAt: new Date(row.occurred_at),
      payload: row.payload,
      body,
    }
  })
}

/** How many webhook events the database holds: a rolled-back change adds none. */
export async function countEvents(t: TestApp): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from webhook_events`
  )
  return Number(row?.n)
}

import { executeRows, type Database } from '@partner-center/db/portable'
import { webhookEvents, type PreRegistrationRow } from '@partner-center/db/schema'
import {
  INVITATION_EVENTS,
  WEBHOOK_EVENT_TYPE_INFO,
  buildWebhookEventPayload,
  webhookTypeOf,
  type AuditActorType,
  type WebhookEntityType,
  type WebhookEventFields,
  type WebhookEventType,
} from '@partner-center/domain'
import { sql, type SQL } from 'drizzle-orm'

/** One change of §13.5 to record: its entity row, the audit actor and the type's own fields. */
export interface WebhookEventItem<T extends WebhookEventType> {
  /** The pre-registration, invitation or association the type is about (§13.5 "Entity"). */
  entityId: string
  /** The audit actor of the change (§3.9). */
  actor: { type: AuditActorType; id: string | null }
  fields: WebhookEventFields<T>
  /**
   * What the writer already holds of the entity after its change, as {@link CONTEXT_QUERIES}
   * would read it: the event is then built without reading the entity again (a batch invite's
   * hundred `invitation.queued` events, bench/api-invite.mjs).
   */
  context?: EntityContext
}

/** What the common part of a body needs of one entity, read after the change (R123, R125). */
export interface EntityContext extends Record<string, unknown> {
  entity_id: string
  version: number
  partner_id: string
  preregistration_id: string | null
  invitation_id: string | null
  association_id: string | null
  external_ref: string | null
  customer_name: string | null
  customer_email: string | null
  customer_mobile: string | null
}

// The customer of an event (R125): the pre-registration's values, or for a link row without one
// the account's. One query per entity type, reading every item's row at once.
const CONTEXT_QUERIES: Record<WebhookEntityType, (ids: SQL) => SQL> = {
  preregistration: (ids) => sql`
    select p.id as entity_id, p.version, p.partner_id, p.id as preregistration_id,
           null::uuid as invitation_id, p.association_id, p.external_ref,
           p.customer_name, p.email as customer_email, p.mobile_e164 as customer_mobile
      from pre_registrations p
     where p.id = any(${ids})`,
  invitation: (ids) => sql`
    select i.id as entity_id, i.version, i.partner_id, i.preregistration_id,
           i.id as invitation_id, i.association_id, p.external_ref,
           case when p.id is null then a.display_name else p.customer_name end as customer_name,
           case when p.id is null then a.email else p.email end as customer_email,
           case when p.id is null then a.mobile_e164 else p.mobile_e164 end as customer_mobile
      from invitations i
      left join pre_registrations p on p.id = i.preregistration_id
      left join customer_accounts a
        on a.id = coalesce(i.accepted_customer_account_id, i.failed_customer_account_id)
     where i.id = any(${ids})`,
  association: (ids) => sql`
    select s.id as entity_id, s.version, s.partner_id,
           coalesce(s.preregistration_id, i.preregistration_id) as preregistration_id,
           s.invitation_id, s.id as association_id, p.external_ref,
           case when p.id is null then a.display_name else p.customer_name end as customer_name,
           case when p.id is null then a.email else p.email end as customer_email,
           case when p.id is null then a.mobile_e164 else p.mobile_e164 end as customer_mobile
      from associations s
      left join invitations i on i.id = s.invitation_id
      left join pre_registrations p on p.id = coalesce(s.preregistration_id, i.preregistration_id)
      left join customer_accounts a on a.id = s.customer_account_id
     where s.id = any(${ids})`,
}

/**
 * The context of an invitation the writer just inserted for a pre-registration, as the
 * invitation query reads it: the pre-registration's customer and `externalRef`, no association.
 *
 * @example
 * contextOfNewInvitation({ id, version: 1, partnerId }, preregistration)
 */
export function contextOfNewInvitation(
  invitation: { id: string; version: number; partnerId: string },
  preregistration: Pick<
    PreRegistrationRow,
    'id' | 'externalRef' | 'customerName' | 'email' | 'mobileE164'
  >
): EntityContext {
  return {
    entity_id: invitation.id,
    version: invitation.version,
    partner_id: invitation.partnerId,
    preregistration_id: preregistration.id,
    invitation_id: invitation.id,
    association_id: null,
    external_ref: preregistration.externalRef,
    customer_name: preregistration.customerName,
    customer_email: preregistration.email,
    customer_mobile: preregistration.mobileE164,
  }
}

/** The events of one type that a writer records together. */
export type WebhookEventGroup = {
  [T in WebhookEventType]: { type: T; items: readonly WebhookEventItem<T>[] }
}[WebhookEventType]

/**
 * Writes one webhook event per item (domain.md R124) in the caller's transaction, after the
 * change, so the event commits with it or not at all: one query reads what the bodies need of
 * every entity (its version after the change, ids, `externalRef`, customer, partner), and one
 * multi-row insert writes the events. `occurredAt` is the writer's `now` (R5). The bodies are
 * built by the domain, customer values masked (R125). No endpoint is read: fan-out is the
 * dispatcher's (R127).
 *
 * @example
 * await recordWebhookEvents(tx, 'invitation.expired', {
 *   now,
 *   items: [{ entityId: invitation.id, actor: { type: 'system', id: null }, fields: { previousStatus: 'SENT', expiredAt } }],
 * })
 */
export async function recordWebhookEvents<T extends WebhookEventType>(
  tx: Database,
  type: T,
  options: { now: Date; items: readonly WebhookEventItem<T>[] }
): Promise<void> {
  await recordWebhookEventGroups(tx, options.now, [
    { type, items: options.items } as WebhookEventGroup,
  ])
}

/**
 * {@link recordWebhookEvents} for a writer whose one statement made changes of several types (a
 * settle group: I2 and I4): one context query per entity type and one insert for all of them.
 *
 * @example
 * await recordWebhookEventGroups(tx, now, [{ type: 'invitation.sent', items: sent }, { type: 'invitation.failed_to_send', items: failed }])
 */
export async function recordWebhookEventGroups(
  tx: Database,
  now: Date,
  groups: readonly WebhookEventGroup[]
): Promise<void> {
  const events = groups.flatMap((group) => group.items.map((item) => ({ type: group.type, item })))
  if (events.length === 0) return
  const contexts = await loadContexts(
    tx,
    events.filter(({ item }) => !item.context)
  )
  const rows = events.map(({ type, item }) => {
    const entityType = WEBHOOK_EVENT_TYPE_INFO[type].entity
    const context = item.context ?? contexts.get(`${entityType}:${item.entityId}`)
    if (!context) throw new Error(`no ${entityType} ${item.entityId} for a ${type} event`)
    const version = Number(context.version)
    return {
      id: crypto.randomUUID(),
      type,
      partner_id: context.partner_id,
      entity_type: entityType,
      entity_id: item.entityId,
      entity_version: version,
      payload: buildWebhookEventPayload({
        type,
        occurredAt: now,
        partnerId: context.partner_id,
        entity: { type: entityType, id: item.entityId, version },
        actor: item.actor,
        preregistrationId: context.preregistration_id,
        invitationId: context.invitation_id,
        associationId: context.association_id,
        externalRef: context.external_ref,
        customer: {
          name: context.customer_name,
          email: context.customer_email,
          mobile: context.customer_mobile,
        },
        fields: item.fields,
      }),
    }
  })
  await insertEvents(tx, now, rows)
}

/** One row of `webhook_events` as {@link insertEvents} sends it, in column names. */
interface EventRow {
  id: string
  type: WebhookEventType
  partner_id: string
  entity_type: WebhookEntityType
  entity_id: string
  entity_version: number
  payload: string
}

// All rows in one parameter, a JSON array read back by `json_to_recordset`: a batch of 100
// events is one statement with two parameters instead of 900 bound values, which a batch invite
// measured as a third of the cost the events added (bench/api-invite.mjs). The payload is a JSON
// string inside the array and comes back as exactly the same text.
async function insertEvents(tx: Database, now: Date, rows: readonly EventRow[]): Promise<void> {
  // One text whatever the number of rows, so it runs prepared: one round trip, not two.
  await executeRows(
    tx,
    sql`
    insert into ${webhookEvents}
      (id, type, partner_id, entity_type, entity_id, entity_version, occurred_at, payload)
    select r.id, r.type, r.partner_id, r.entity_type, r.entity_id, r.entity_version,
           ${now.toISOString()}::timestamptz, r.payload
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(
        id uuid, type text, partner_id uuid, entity_type text, entity_id uuid,
        entity_version integer, payload text)`,
    { prepare: true }
  )
}

// One query per entity type the events are about, keyed `{entityType}:{id}`.
async function loadContexts(
  tx: Database,
  events: readonly { type: WebhookEventType; item: { entityId: string } }[]
): Promise<Map<string, EntityContext>> {
  const idsByEntity = new Map<WebhookEntityType, Set<string>>()
  for (const { type, item } of events) {
    const entityType = WEBHOOK_EVENT_TYPE_INFO[type].entity
    idsByEntity.set(entityType, (idsByEntity.get(entityType) ?? new Set()).add(item.entityId))
  }
  const contexts = new Map<string, EntityContext>()
  for (const [entityType, ids] of idsByEntity) {
    const rows = await executeRows<EntityContext>(
      tx,
      CONTEXT_QUERIES[entityType](sql`${`{${[...ids].join(',')}}`}::uuid[]`)
    )
    for (const row of rows) contexts.set(`${entityType}:${row.entity_id}`, row)
  }
  return contexts
}

/** The system as an event's actor (§3.9): the dispatcher, the sweeper and the data steps. */
export const SYSTEM_ACTOR = {
  type: 'system',
  id: null,
} as const satisfies WebhookEventItem<WebhookEventType>['actor']

/** A pre-registration as a lapse (P7, P8) wrote it: its deadlines. */
export interface LapsedPreregistration {
  id: string
  reviewDeadline: Date | null
  validUntil: Date | null
}

/**
 * The `preregistration.expired` item of a lapse by the clock (P7 from `PENDING_REVIEW`, P8 from
 * `PRE_REGISTERED`): `expiredAt` is the deadline that passed, written by the system.
 *
 * @example
 * lapsedPreregistrationItem({ id, reviewDeadline: null, validUntil }, 'PRE_REGISTERED').fields.expiredAt // validUntil
 */
export function lapsedPreregistrationItem(
  row: LapsedPreregistration,
  previousStatus: 'PENDING_REVIEW' | 'PRE_REGISTERED'
): WebhookEventItem<'preregistration.expired'> {
  const deadline = previousStatus === 'PENDING_REVIEW' ? row.reviewDeadline : row.validUntil
  if (!deadline) throw new Error(`pre-registration ${row.id} lapsed without its deadline`)
  return {
    entityId: row.id,
    actor: SYSTEM_ACTOR,
    fields: { previousStatus, expiredAt: deadline, closedReason: null },
  }
}

/**
 * Writes the `invitation.expired` event of an invitation a request found past `expiresAt` and
 * wrote `EXPIRED` itself (I7 in the request's transaction, R39), by the system.
 *
 * @example
 * await recordExpiredInvitation(tx, invitation, now)
 */
export async function recordExpiredInvitation(
  tx: Database,
  invitation: { id: string; status: string; expiresAt: Date | null },
  now: Date
): Promise<void> {
  await recordWebhookEvents(tx, webhookTypeOf(INVITATION_EVENTS.EXPIRE), {
    now,
    items: [
      {
        entityId: invitation.id,
        actor: SYSTEM_ACTOR,
        fields: { previousStatus: invitation.status, expiredAt: invitation.expiresAt ?? now },
      },
    ],
  })
}

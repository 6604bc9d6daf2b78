import {
  buildWebhookEventPayload,
  type WebhookEntityType,
  type WebhookEventFields,
  type WebhookEventType,
} from '@partner-center/domain'
import { jsonParam, type RunSql } from '../sql-runner'

// The webhook events of the identity data step (domain.md R124): P7, P8 and P11 write
// `preregistration.expired`, I7 `invitation.expired`, in the migration transaction with the
// change, by the system. The same bodies as the API's writers (the domain builds them).

/** One change of the step to record as an event. */
export interface StepWebhookEvent<T extends WebhookEventType = WebhookEventType> {
  type: T
  entityId: string
  fields: WebhookEventFields<T>
}

const ID_LIST = '(select value::uuid from jsonb_array_elements_text($1::text::jsonb))'

// What a body needs of each entity after the change; the step only touches email invitations,
// which always have their pre-registration.
const CONTEXT_SQL: Record<Exclude<WebhookEntityType, 'association'>, string> = {
  preregistration: `select p.id as entity_id, p.version, p.partner_id, p.id as preregistration_id,
      null::uuid as invitation_id, p.association_id, p.external_ref, p.customer_name,
      p.email as customer_email, p.mobile_e164 as customer_mobile
    from pre_registrations p where p.id in ${ID_LIST}`,
  invitation: `select i.id as entity_id, i.version, i.partner_id, i.preregistration_id,
      i.id as invitation_id, i.association_id, p.external_ref, p.customer_name,
      p.email as customer_email, p.mobile_e164 as customer_mobile
    from invitations i left join pre_registrations p on p.id = i.preregistration_id
    where i.id in ${ID_LIST}`,
}

// Ids, references and customer values come back as text (or null) on both drivers.
const nullable = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/**
 * Inserts one webhook event per change, with one context query per entity type and one insert.
 *
 * @example
 * await writeStepWebhookEvents(run, now, 'preregistration', [{ type: 'preregistration.expired', entityId, fields }])
 */
export async function writeStepWebhookEvents(
  run: RunSql,
  now: Date,
  entityType: 'preregistration' | 'invitation',
  events: readonly StepWebhookEvent[]
): Promise<void> {
  if (events.length === 0) return
  const found = await run(CONTEXT_SQL[entityType], [
    jsonParam(events.map((event) => event.entityId)),
  ])
  const byId = new Map(found.map((row) => [String(row.entity_id), row]))
  const rows = events.map((event) => {
    const context = byId.get(event.entityId)
    if (!context) throw new Error(`no ${entityType} ${event.entityId} for a ${event.type} event`)
    const version = Number(context.version)
    const partnerId = String(context.partner_id)
    return {
      type: event.type,
      partner_id: partnerId,
      entity_type: entityType,
      entity_id: event.entityId,
      entity_version: version,
      payload: buildWebhookEventPayload({
        type: event.type,
        occurredAt: now,
        partnerId,
        entity: { type: entityType, id: event.entityId, version },
        actor: { type: 'system', id: null },
        preregistrationId: nullable(context.preregistration_id),
        invitationId: nullable(context.invitation_id),
        associationId: nullable(context.association_id),
        externalRef: nullable(context.external_ref),
        customer: {
          name: nullable(context.customer_name),
          email: nullable(context.customer_email),
          mobile: nullable(context.customer_mobile),
        },
        fields: event.fields,
      }),
    }
  })
  await run(
    `insert into webhook_events
       (id, type, partner_id, entity_type, entity_id, entity_version, occurred_at, payload)
     select gen_random_uuid(), x.type, x.partner_id, x.entity_type, x.entity_id, x.entity_version,
            $2::text::timestamptz, x.payload
       from jsonb_to_recordset($1::text::jsonb)
         as x(type text, partner_id uuid, entity_type text, entity_id uuid, entity_version int,
              payload text)`,
    [jsonParam(rows), now.toISOString()]
  )
}

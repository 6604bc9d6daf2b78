import {
  auditActionOf,
  fromStatuses,
  INVITATION_EVENTS,
  maskEmail,
  maskMobile,
  PREREGISTRATION_EVENTS,
  type StateEvent,
} from '@partner-center/domain'
import { quoteStatuses } from '../../status-guard'
import { jsonParam, type RunSql } from '../sql-runner'
import { lapsedEventOf, retiringEventOf } from './identity-events'
import type { IdentityPlan } from './identity-rows'
import type { StepAuditEntry } from './step-audit'
import { writeStepWebhookEvents, type StepWebhookEvent } from './write-webhook-events'

/** What the merge writes did, for the audit events and the report. */
export interface MergeOutcome {
  revokedInvitationIds: string[]
  expiredInvitationIds: string[]
  cancelledOutboxIds: string[]
  /** Revoked access token ids per merged customer account / user. */
  accountSessions: Map<string, string[]>
  userSessions: Map<string, string[]>
  audits: StepAuditEntry[]
}

function groupBy(rows: Record<string, unknown>[], key: string): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const row of rows) {
    const owner = String(row[key])
    groups.set(owner, [...(groups.get(owner) ?? []), String(row.id)])
  }
  return groups
}

const ids = (values: readonly string[]) => jsonParam(values)
const ID_LIST = '(select value::uuid from jsonb_array_elements_text($2::text::jsonb))'

/** Revokes the live sessions of the merged owners; answers the revoked token ids per owner. */
async function revokeSessions(
  run: RunSql,
  at: string,
  owner: 'customer_account_id' | 'user_id',
  ownerIds: readonly string[]
): Promise<Map<string, string[]>> {
  if (ownerIds.length === 0) return new Map()
  const tokens = await run(
    `update access_tokens set revoked_at = $1::text::timestamptz
     where revoked_at is null and ${owner} in ${ID_LIST}
     returning id, ${owner}`,
    [at, ids(ownerIds)]
  )
  return groupBy(tokens, owner)
}

/**
 * Writes `EXPIRED` (the events' to-state) on the rows still in a from-state of `events`; answers
 * the ids it changed.
 */
async function closePreregistrations(
  run: RunSql,
  at: string,
  rows: readonly { id: string; closed_reason: string | null }[],
  events: readonly StateEvent<string>[]
): Promise<Set<string>> {
  if (rows.length === 0) return new Set()
  const to = new Set(events.map((event) => event.to))
  if (to.size !== 1) throw new Error('closing events must share one to-state')
  const changed = await run(
    `update pre_registrations p set status = $3, closed_reason = x.closed_reason,
       updated_at = $1::text::timestamptz
     from jsonb_to_recordset($2::text::jsonb) as x(id uuid, closed_reason text)
     where p.id = x.id and p.status in (${quoteStatuses(fromStatuses(...events))})
     returning p.id`,
    [at, jsonParam(rows), [...to][0]]
  )
  return new Set(changed.map((row) => String(row.id)))
}

/**
 * Writes the status side of the plan, before any canonical value moves, so the rows that give
 * way leave the unique indexes first: pre-registrations past their clock or merged become
 * EXPIRED, the merged ones' live invitations are retired with their pending emails cancelled,
 * and merged accounts and users take `merged:{id}` with their sessions revoked.
 */
export async function writeMerges(
  run: RunSql,
  plan: IdentityPlan,
  now: Date
): Promise<MergeOutcome> {
  const at = now.toISOString()
  const audits: StepAuditEntry[] = []
  const prereg = plan.preregistrations
  const { REVIEW_LAPSED, VALIDITY_LAPSED, IDENTITY_MERGED } = PREREGISTRATION_EVENTS
  // Each statement guards on the from-states of the events it applies (P7/P8, P11).
  const lapsed = await closePreregistrations(
    run,
    at,
    prereg.expired.map((row) => ({ id: row.id, closed_reason: null })),
    [REVIEW_LAPSED, VALIDITY_LAPSED]
  )
  const closed = await closePreregistrations(
    run,
    at,
    prereg.merged.map(({ row }) => ({ id: row.id, closed_reason: 'IDENTITY_MERGED' })),
    [IDENTITY_MERGED]
  )
  const preregistrationEvents: StepWebhookEvent[] = []
  for (const row of prereg.expired) {
    const event = lapsedEventOf(row, now) ?? VALIDITY_LAPSED
    if (lapsed.has(row.id)) {
      const reviewLapsed = event === REVIEW_LAPSED
      preregistrationEvents.push({
        type: 'preregistration.expired',
        entityId: row.id,
        fields: {
          previousStatus: row.status,
          expiredAt: (reviewLapsed ? row.reviewDeadline : row.validUntil) ?? now,
          closedReason: null,
        },
      })
    }
    audits.push({
      action: auditActionOf(event),
      partnerId: row.partnerId,
      entityType: 'preregistration',
      entityId: row.id,
      details: { from: row.status, to: event.to },
    })
  }
  for (const { row, kept } of prereg.merged) {
    // The earlier row may be another partner's: then nothing about it reaches this partner.
    const samePartner = kept.partnerId === row.partnerId
    if (closed.has(row.id)) {
      preregistrationEvents.push({
        type: 'preregistration.expired',
        entityId: row.id,
        fields: { previousStatus: row.status, expiredAt: now, closedReason: 'IDENTITY_MERGED' },
      })
    }
    audits.push({
      action: auditActionOf(IDENTITY_MERGED),
      partnerId: row.partnerId,
      entityType: 'preregistration',
      entityId: row.id,
      details: {
        from: row.status,
        to: IDENTITY_MERGED.to,
        closedReason: 'IDENTITY_MERGED',
        ...(samePartner ? { keptPreregistrationId: kept.id } : {}),
      },
    })
  }

  const retired = plan.invitations.retired.map((invitation) => {
    const event = INVITATION_EVENTS[retiringEventOf(invitation, now) ?? 'IDENTITY_MERGED']
    return { invitation, event, status: event.to }
  })
  await writeStepWebhookEvents(run, now, 'preregistration', preregistrationEvents)
  let cancelled: Record<string, unknown>[] = []
  const invitationEvents: StepWebhookEvent[] = []
  for (const event of [INVITATION_EVENTS.EXPIRE, INVITATION_EVENTS.IDENTITY_MERGED]) {
    const rows = retired.filter((r) => r.event === event)
    if (rows.length === 0) continue
    const changed = await run(
      `update invitations i set status = $3, failure_code = x.failure_code,
         updated_at = $1::text::timestamptz
       from jsonb_to_recordset($2::text::jsonb) as x(id uuid, failure_code text)
       where i.id = x.id and i.status in (${quoteStatuses(event.from)})
       returning i.id`,
      [
        at,
        jsonParam(
          rows.map(({ invitation }) => ({
            id: invitation.id,
            failure_code: event === INVITATION_EVENTS.IDENTITY_MERGED ? 'IDENTITY_MERGED' : null,
          }))
        ),
        event.to,
      ]
    )
    // I7 writes `invitation.expired`; I6b (revoked by the merge) writes none (§13.5).
    if (event !== INVITATION_EVENTS.EXPIRE) continue
    const expired = new Set(changed.map((row) => String(row.id)))
    for (const { invitation } of rows.filter((r) => expired.has(r.invitation.id))) {
      invitationEvents.push({
        type: 'invitation.expired',
        entityId: invitation.id,
        fields: { previousStatus: invitation.status, expiredAt: invitation.expiresAt ?? now },
      })
    }
  }
  await writeStepWebhookEvents(run, now, 'invitation', invitationEvents)
  if (retired.length > 0) {
    // A message already being sent is left to the dispatcher, which re-reads the invitation (R50).
    cancelled = await run(
      `update outbox set status = 'CANCELLED'
       where status = 'PENDING' and aggregate_id in
         (select value::uuid from jsonb_array_elements_text($1::text::jsonb))
       returning id, aggregate_id`,
      [ids(retired.map(({ invitation }) => invitation.id))]
    )
  }
  const cancelledBy = groupBy(cancelled, 'aggregate_id')
  for (const { invitation, event, status } of retired) {
    audits.push({
      action: auditActionOf(event),
      partnerId: invitation.partnerId,
      entityType: 'invitation',
      entityId: invitation.id,
      details: {
        from: invitation.status,
        to: status,
        ...(event === INVITATION_EVENTS.IDENTITY_MERGED ? { failureCode: 'IDENTITY_MERGED' } : {}),
        cancelledOutboxIds: cancelledBy.get(invitation.id) ?? [],
      },
    })
  }

  const accounts = plan.customerAccounts.merged
  if (accounts.length > 0) {
    await run(
      `update customer_accounts c set email_canonical = 'merged:' || c.id,
         mobile_e164 = case when c.mobile_e164 is null then null else 'merged:' || c.id end,
         merged_into_id = x.kept_id, updated_at = $1::text::timestamptz
       from jsonb_to_recordset($2::text::jsonb) as x(id uuid, kept_id uuid)
       where c.id = x.id`,
      [at, jsonParam(accounts.map(({ row, kept }) => ({ id: row.id, kept_id: kept.id })))]
    )
  }
  const accountSessions = await revokeSessions(
    run,
    at,
    'customer_account_id',
    accounts.map(({ row }) => row.id)
  )
  for (const { row, kept } of accounts) {
    audits.push({
      action: 'customer_account.identity_merged',
      partnerId: null,
      entityType: 'customer_account',
      entityId: row.id,
      details: {
        keptCustomerAccountId: kept.id,
        email: maskEmail(row.emailCanonical),
        mobile: maskMobile(row.mobileE164),
        revokedAccessTokenIds: accountSessions.get(row.id) ?? [],
      },
    })
  }

  const users = plan.users.merged
  if (users.length > 0) {
    await run(
      `update users u set email_canonical = 'merged:' || u.id, merged_into_id = x.kept_id,
         updated_at = $1::text::timestamptz
       from jsonb_to_recordset($2::text::jsonb) as x(id uuid, kept_id uuid)
       where u.id = x.id`,
      [at, jsonParam(users.map(({ row, kept }) => ({ id: row.id, kept_id: kept.id })))]
    )
  }
  const userSessions = await revokeSessions(
    run,
    at,
    'user_id',
    users.map(({ row }) => row.id)
  )
  for (const { row, kept } of users) {
    const samePartner = kept.partnerId === row.partnerId
    audits.push({
      action: 'user.identity_merged',
      partnerId: row.partnerId,
      entityType: 'user',
      entityId: row.id,
      details: {
        ...(samePartner ? { keptUserId: kept.id } : {}),
        email: maskEmail(row.emailCanonical),
        revokedAccessTokenIds: userSessions.get(row.id) ?? [],
      },
    })
  }

  return {
    revokedInvitationIds: retired
      .filter((r) => r.event === INVITATION_EVENTS.IDENTITY_MERGED)
      .map((r) => r.invitation.id),
    expiredInvitationIds: retired
      .filter((r) => r.event === INVITATION_EVENTS.EXPIRE)
      .map((r) => r.invitation.id),
    cancelledOutboxIds: cancelled.map((row) => String(row.id)),
    accountSessions,
    userSessions,
    audits,
  }
}

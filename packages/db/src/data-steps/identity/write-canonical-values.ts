import {
  INVITATION_EVENTS,
  maskEmail,
  maskMobile,
  PREREGISTRATION_EVENTS,
} from '@partner-center/domain'
import { quoteStatuses } from '../../status-guard'
import { jsonParam, type RunSql } from '../sql-runner'
import type { CanonicalChange, IdentityPlan, IdentityRows } from './identity-rows'
import type { StepAuditEntry } from './step-audit'

type ContactTable = 'pre_registrations' | 'customer_accounts' | 'users'

/**
 * Moves canonical values in two statements: every changing row first takes a placeholder of its
 * own (`pending:{id}`), then its final value. A value can thus pass from one row to another
 * (one row's new canonical was another's old one) without a unique index ever seeing two rows
 * with it, whatever order PostgreSQL updates the rows in.
 */
async function moveValues(
  run: RunSql,
  table: ContactTable,
  changes: ReadonlyMap<string, CanonicalChange>,
  now: Date
): Promise<void> {
  if (changes.size === 0) return
  const hasMobile = table !== 'users'
  // Pre-registrations change only in a from-state of R28a's event (every status, as data).
  const guard =
    table === 'pre_registrations'
      ? ` and t.status in (${quoteStatuses(PREREGISTRATION_EVENTS.CANONICALISED.from)})`
      : ''
  const rows = [...changes].map(([id, value]) => ({
    id,
    email_canonical: value.emailCanonical,
    mobile_e164: value.mobileE164,
  }))
  const mobilePlaceholder = hasMobile
    ? `, mobile_e164 = case when t.mobile_e164 is null then null else 'pending:' || t.id end`
    : ''
  await run(
    `update ${table} t set email_canonical =
       case when t.email_canonical is null then null else 'pending:' || t.id end${mobilePlaceholder}
     from jsonb_to_recordset($1::text::jsonb) as x(id uuid) where t.id = x.id${guard}`,
    [jsonParam(rows.map(({ id }) => ({ id })))]
  )
  await run(
    `update ${table} t set email_canonical = x.email_canonical,
       ${hasMobile ? 'mobile_e164 = x.mobile_e164,' : ''} updated_at = $1::text::timestamptz
     from jsonb_to_recordset($2::text::jsonb)
       as x(id uuid, email_canonical text, mobile_e164 text)
     where t.id = x.id${guard}`,
    [now.toISOString(), jsonParam(rows)]
  )
}

function maskedChange(
  before: { emailCanonical: string | null; mobileE164?: string | null },
  after: CanonicalChange
): Record<string, unknown> {
  const details: Record<string, unknown> = {}
  if (before.emailCanonical !== after.emailCanonical) {
    details.email = { from: maskEmail(before.emailCanonical), to: maskEmail(after.emailCanonical) }
  }
  if ((before.mobileE164 ?? null) !== after.mobileE164) {
    details.mobile = { from: maskMobile(before.mobileE164), to: maskMobile(after.mobileE164) }
  }
  return details
}

/**
 * Writes the new canonical values of the rows that keep their identity (the plan leaves out
 * merged accounts and users: they already hold `merged:{id}`), and one `identity.canonicalised` audit event for each row
 * whose only change this is; a row that was also merged, expired or retired is described by
 * that event, with the masked values added to it.
 */
export async function writeCanonicalValues(
  run: RunSql,
  rows: IdentityRows,
  plan: IdentityPlan,
  now: Date,
  otherEvents: StepAuditEntry[]
): Promise<StepAuditEntry[]> {
  const accountChanges = plan.customerAccounts.changes
  const userChanges = new Map<string, CanonicalChange>(
    [...plan.users.changes].map(([id, email]) => [id, { emailCanonical: email, mobileE164: null }])
  )
  await moveValues(run, 'pre_registrations', plan.preregistrations.changes, now)
  await moveValues(run, 'customer_accounts', accountChanges, now)
  await moveValues(run, 'users', userChanges, now)
  const invitationChanges = [...plan.invitations.changes].map(([id, value]) => ({
    id,
    recipient_email_canonical: value,
  }))
  if (invitationChanges.length > 0) {
    await run(
      `update invitations i set recipient_email_canonical = x.recipient_email_canonical,
         updated_at = $1::text::timestamptz
       from jsonb_to_recordset($2::text::jsonb) as x(id uuid, recipient_email_canonical text)
       where i.id = x.id
         and i.status in (${quoteStatuses(INVITATION_EVENTS.CANONICALISED.from)})`,
      [now.toISOString(), jsonParam(invitationChanges)]
    )
  }

  const described = new Map(otherEvents.map((event) => [event.entityId, event]))
  const audits: StepAuditEntry[] = []
  const describe = (
    entry: Omit<StepAuditEntry, 'action' | 'details'>,
    details: Record<string, unknown>
  ) => {
    const other = described.get(entry.entityId)
    if (other) Object.assign(other.details, details)
    else audits.push({ ...entry, action: 'identity.canonicalised', details })
  }
  for (const row of rows.preregistrations) {
    const change = plan.preregistrations.changes.get(row.id)
    if (!change) continue
    describe(
      { partnerId: row.partnerId, entityType: 'preregistration', entityId: row.id },
      maskedChange(row, change)
    )
  }
  for (const row of rows.invitations) {
    const change = plan.invitations.changes.get(row.id)
    if (change === undefined) continue
    describe(
      { partnerId: row.partnerId, entityType: 'invitation', entityId: row.id },
      maskedChange(
        { emailCanonical: row.recipientEmailCanonical },
        { emailCanonical: change, mobileE164: null }
      )
    )
  }
  for (const row of rows.customerAccounts) {
    const change = accountChanges.get(row.id)
    if (!change) continue
    describe(
      { partnerId: null, entityType: 'customer_account', entityId: row.id },
      maskedChange(row, change)
    )
  }
  for (const row of rows.users) {
    const change = userChanges.get(row.id)
    if (!change) continue
    describe(
      { partnerId: row.partnerId, entityType: 'user', entityId: row.id },
      maskedChange({ emailCanonical: row.emailCanonical }, change)
    )
  }
  return audits
}

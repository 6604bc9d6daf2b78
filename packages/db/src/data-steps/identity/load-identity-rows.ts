import type { InvitationStatus, PreregistrationStatus } from '@partner-center/domain'
import type { RunSql } from '../sql-runner'
import type { IdentityRows } from './identity-rows'

type Row = Record<string, unknown>

// Instants are read as ISO text: drivers differ in how they hand back timestamptz (drizzle's
// postgres.js setup leaves them as PostgreSQL's own text), ISO text parses the same everywhere.
const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column}`

// Every column read is text, uuid or the ISO text above: both drivers answer strings.
function text(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('identity step: expected a text column')
  return value
}
const textOrNull = (value: unknown): string | null => (value === null ? null : text(value))
const date = (value: unknown): Date => new Date(text(value))
const dateOrNull = (value: unknown): Date | null => (value === null ? null : date(value))

/**
 * Reads every row the identity step plans over, locked against concurrent writers for the rest
 * of the migration transaction (API processes of an older version may still be serving).
 */
export async function loadIdentityRows(run: RunSql): Promise<IdentityRows> {
  const preregistrations = await run(
    `select id, partner_id, status, email, email_canonical, mobile_e164, customer_account_id,
       ${iso('valid_until')}, ${iso('review_deadline')}, ${iso('created_at')}
     from pre_registrations for update`
  )
  const invitations = await run(
    `select id, partner_id, preregistration_id, status, recipient_email,
       recipient_email_canonical, ${iso('expires_at')} from invitations for update`
  )
  const customerAccounts = await run(
    `select id, email, email_canonical, mobile_e164, ${iso('created_at')}
     from customer_accounts for update`
  )
  const users = await run(
    `select id, partner_id, email, email_canonical, ${iso('created_at')} from users for update`
  )
  return {
    preregistrations: preregistrations.map((r: Row) => ({
      id: text(r.id),
      partnerId: text(r.partner_id),
      status: text(r.status) as PreregistrationStatus,
      email: textOrNull(r.email),
      emailCanonical: textOrNull(r.email_canonical),
      mobileE164: textOrNull(r.mobile_e164),
      customerAccountId: textOrNull(r.customer_account_id),
      validUntil: dateOrNull(r.valid_until),
      reviewDeadline: dateOrNull(r.review_deadline),
      createdAt: date(r.created_at),
    })),
    invitations: invitations.map((r: Row) => ({
      id: text(r.id),
      partnerId: text(r.partner_id),
      preregistrationId: textOrNull(r.preregistration_id),
      status: text(r.status) as InvitationStatus,
      recipientEmail: text(r.recipient_email),
      recipientEmailCanonical: text(r.recipient_email_canonical),
      expiresAt: dateOrNull(r.expires_at),
    })),
    customerAccounts: customerAccounts.map((r: Row) => ({
      id: text(r.id),
      email: text(r.email),
      emailCanonical: text(r.email_canonical),
      mobileE164: textOrNull(r.mobile_e164),
      createdAt: date(r.created_at),
    })),
    users: users.map((r: Row) => ({
      id: text(r.id),
      partnerId: textOrNull(r.partner_id),
      email: text(r.email),
      emailCanonical: text(r.email_canonical),
      createdAt: date(r.created_at),
    })),
  }
}

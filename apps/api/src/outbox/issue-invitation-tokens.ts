import { appliesFromSql, executeRows, type Database } from '@partner-center/db/portable'
import { tokenIssueEventOf, tokenPurposeOf, type AssociationType } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { randomBytes, randomUUID } from 'node:crypto'
import { hashTokenSync } from '../security/node-token-hash'

/**
 * An invitation whose token was committed for one delivery attempt, with what its email needs.
 * `token` lives only in memory and in the email; only its SHA-256 is stored.
 */
export interface IssuedInvitation {
  invitationId: string
  token: string
  expiresAt: Date
  attemptCount: number
  /** The address as the partner entered it, shown in the email's text. */
  recipientEmail: string
  /** The canonical address (R14): the `To` and the SMTP envelope's only recipient. */
  recipientEmailCanonical: string
  locale: 'en' | 'zh-CN'
  associationType: AssociationType
  messageId: string
  partnerName: string
  partnerContactEmail: string | null
  partnerContactMobile: string | null
  customerName: string
}

interface IssuedRow extends Record<string, unknown> {
  id: string
  expires_at: Date | string
  attempt_count: number
  recipient_email: string
  recipient_email_canonical: string
  locale: 'en' | 'zh-CN'
  association_type: AssociationType
  message_id: string
  partner_name: string
  contact_email: string | null
  contact_mobile: string | null
  customer_name: string
}

/**
 * Draws a fresh 32-byte token (base64url, 43 characters) per invitation and, in one statement
 * for the whole claim, commits each token's SHA-256 together with the attempt on its invitation
 * (R51): `attemptCount + 1`, `lastAttemptAt`, and on the first issue `expiresAt = now + ttl`,
 * which never moves afterwards. So token and attempt commit together, before anything reaches
 * SMTP, at one round trip per claim instead of two per email. Invitations no longer waiting for
 * delivery (not in a from-state of the email's token event, `tokenIssueEventOf('INVITATION_EMAIL')`,
 * or past `expiresAt`) are left out of the answer and untouched.
 *
 * @example
 * const issued = await issueInvitationTokens(db, { invitationIds, now, ttlDays: 7 })
 * const link = `${origin}/invite#${issued.get(invitationId)?.token}`
 */
export async function issueInvitationTokens(
  db: Database,
  options: { invitationIds: readonly string[]; now: Date; ttlDays: number }
): Promise<Map<string, IssuedInvitation>> {
  const ids = [...new Set(options.invitationIds)]
  if (ids.length === 0) return new Map()
  const tokens = new Map(ids.map((id) => [id, randomBytes(32).toString('base64url')]))
  const now = options.now.toISOString()
  const firstExpiry = new Date(options.now.getTime() + options.ttlDays * 86_400_000).toISOString()
  const input = sql.join(
    ids.map((id) => {
      const tokenHash = hashTokenSync(tokens.get(id)!)
      return sql`(${id}::uuid, ${randomUUID()}::uuid, ${tokenHash}::text)`
    }),
    sql`, `
  )
  const rows = await executeRows<IssuedRow>(
    db,
    sql`with input(invitation_id, token_id, token_hash) as (values ${input}),
        attempt as (
          update invitations as i
             set expires_at = coalesce(i.expires_at, ${firstExpiry}::timestamptz),
                 attempt_count = i.attempt_count + 1,
                 last_attempt_at = ${now}::timestamptz,
                 updated_at = ${now}::timestamptz
            from input
           where i.id = input.invitation_id
             and ${appliesFromSql(sql`i.status`, tokenIssueEventOf('INVITATION_EMAIL'))}
             and (i.expires_at is null or i.expires_at > ${now}::timestamptz)
       returning i.*),
        issued as (
          insert into invitation_tokens (id, invitation_id, token_hash, purpose, issued_at)
          select input.token_id, attempt.id, input.token_hash,
                 ${tokenPurposeOf('INVITATION_EMAIL')}::text, ${now}::timestamptz
            from attempt join input on input.invitation_id = attempt.id
       returning invitation_id)
        select attempt.id, attempt.expires_at, attempt.attempt_count, attempt.recipient_email,
               attempt.recipient_email_canonical,
               attempt.locale, attempt.association_type, attempt.message_id,
               p.name as partner_name, p.contact_email, p.contact_mobile,
               r.customer_name
          from attempt
          join issued on issued.invitation_id = attempt.id
          join partners as p on p.id = attempt.partner_id
          join pre_registrations as r on r.id = attempt.preregistration_id`,
    // One text per claim size, repeated by every claim: prepared, it is one round trip.
    { prepare: true }
  )
  return new Map(
    rows.map((row) => [
      row.id,
      {
        invitationId: row.id,
        token: tokens.get(row.id)!,
        expiresAt: new Date(row.expires_at),
        attemptCount: Number(row.attempt_count),
        recipientEmail: row.recipient_email,
        recipientEmailCanonical: row.recipient_email_canonical,
        locale: row.locale,
        associationType: row.association_type,
        messageId: row.message_id,
        partnerName: row.partner_name,
        partnerContactEmail: row.contact_email,
        partnerContactMobile: row.contact_mobile,
        customerName: row.customer_name,
      },
    ])
  )
}

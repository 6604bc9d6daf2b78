import { executeRows, type Database } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { createHash, randomBytes, randomUUID } from 'node:crypto'

/** A token committed for one delivery attempt; `token` lives only in memory and in the email. */
export interface IssuedToken {
  token: string
  expiresAt: Date
  attemptCount: number
}

/**
 * Draws a fresh 32-byte token (base64url, 43 characters) and commits its SHA-256 as a new
 * invitation token, together with the attempt on the invitation (R51): `attemptCount + 1`,
 * `lastAttemptAt`, and on the first issue `expiresAt = now + ttl`, which never moves afterwards.
 * One statement, so token and attempt commit together, before anything reaches SMTP. Returns
 * null (nothing written) when the invitation is no longer waiting for delivery: not `QUEUED` or
 * `SEND_FAILED`, or past its `expiresAt`.
 *
 * @example
 * const issued = await issueInvitationToken(db, { invitationId, now, ttlDays: 7 })
 * if (issued) link = `${origin}/invite#${issued.token}`
 */
export async function issueInvitationToken(
  db: Database,
  options: { invitationId: string; now: Date; ttlDays: number }
): Promise<IssuedToken | null> {
  const token = randomBytes(32).toString('base64url')
  const tokenHash = createHash('sha256').update(token).digest('hex')
  const now = options.now.toISOString()
  const firstExpiry = new Date(options.now.getTime() + options.ttlDays * 86_400_000).toISOString()
  const rows = await executeRows<{ expires_at: Date | string; attempt_count: number }>(
    db,
    sql`with attempt as (
          update invitations
             set expires_at = coalesce(expires_at, ${firstExpiry}::timestamptz),
                 attempt_count = attempt_count + 1,
                 last_attempt_at = ${now}::timestamptz,
                 updated_at = ${now}::timestamptz
           where id = ${options.invitationId}::uuid
             and status in ('QUEUED', 'SEND_FAILED')
             and (expires_at is null or expires_at > ${now}::timestamptz)
       returning id, expires_at, attempt_count),
        issued as (
          insert into invitation_tokens (id, invitation_id, token_hash, issued_at)
          select ${randomUUID()}::uuid, attempt.id, ${tokenHash}, ${now}::timestamptz from attempt
       returning id)
        select attempt.expires_at, attempt.attempt_count from attempt, issued`
  )
  const row = rows[0]
  if (!row) return null
  return {
    token,
    expiresAt: new Date(row.expires_at),
    attemptCount: Number(row.attempt_count),
  }
}

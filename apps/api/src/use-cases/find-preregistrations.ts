import { invitations, preRegistrations, users } from '@partner-center/db/schema'
import {
  checkInvite,
  effectivePreregistrationStatus,
  maskEmail,
  maskMobile,
  maskName,
  type PreregistrationStatus,
} from '@partner-center/domain'
import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import type { AppDeps, PartnerScope } from '../deps'
import { effectivePreregistrationStatusSql, escapeLike } from '../queries/effective-status'

/** Options of {@link findPreregistrations}. */
export interface FindPreregistrationsOptions {
  scope: PartnerScope
  page: number
  pageSize: number
  q?: string
  status?: string[]
  reveal?: ('name' | 'email' | 'mobile')[]
}

function searchCondition(q: string): SQL | undefined {
  const t = preRegistrations
  const pattern = `%${escapeLike(q.toLowerCase())}%`
  const digits = q.replace(/\D/g, '')
  return or(
    sql`lower(${t.customerName}) like ${pattern}`,
    sql`${t.emailCanonical} like ${pattern}`,
    digits.length >= 4 ? sql`${t.mobileE164} like ${`%${digits}%`}` : undefined
  )
}

/**
 * One page of the partner's customer list (domain.md R35): newest first, deleted rows never,
 * account managers only their own rows, contacts masked unless revealed (§7).
 */
export async function findPreregistrations(deps: AppDeps, options: FindPreregistrationsOptions) {
  const now = deps.clock.now()
  const t = preRegistrations
  const effective = effectivePreregistrationStatusSql(now)
  const conditions = [
    eq(t.partnerId, options.scope.partner.id),
    ne(t.status, 'DELETED'),
    options.scope.role === 'account_manager'
      ? eq(t.createdByUserId, options.scope.userId)
      : undefined,
    options.q ? searchCondition(options.q) : undefined,
    options.status?.length ? inArray(effective, options.status) : undefined,
  ]
  const rows = await deps.db
    .select({ row: t, creatorName: users.displayName, total: sql<number>`count(*) over ()` })
    .from(t)
    .innerJoin(users, eq(users.id, t.createdByUserId))
    .where(and(...conditions))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)

  const ids = rows.map(({ row }) => row.id)
  const latest = ids.length
    ? await deps.db
        .selectDistinctOn([invitations.preregistrationId])
        .from(invitations)
        .where(inArray(invitations.preregistrationId, ids))
        .orderBy(invitations.preregistrationId, desc(invitations.createdAt), desc(invitations.id))
    : []
  const latestByRow = new Map(
    latest.map((invitation) => [invitation.preregistrationId, invitation])
  )
  const reveal = new Set(options.reveal ?? [])

  const items = rows.map(({ row, creatorName }) => {
    const invitation = latestByRow.get(row.id) ?? null
    // DELETED rows are filtered out above, so the listed status is never DELETED.
    const status = effectivePreregistrationStatus(row, now) as Exclude<
      PreregistrationStatus,
      'DELETED'
    >
    return {
      id: row.id,
      customerName: reveal.has('name') ? row.customerName : (maskName(row.customerName) ?? ''),
      email: reveal.has('email') ? row.email : maskEmail(row.email),
      mobile: reveal.has('mobile') ? row.mobileE164 : maskMobile(row.mobileE164),
      locale: row.locale,
      source: row.source,
      status,
      createdAt: row.createdAt.toISOString(),
      validUntil: row.validUntil?.toISOString() ?? null,
      reviewReason: row.reviewReason,
      reviewNote: row.reviewNote,
      createdBy: { id: row.createdByUserId, displayName: creatorName },
      latestInvitation: invitation
        ? {
            id: invitation.id,
            status: invitation.status,
            sentAt: invitation.sentAt?.toISOString() ?? null,
            createdAt: invitation.createdAt.toISOString(),
          }
        : null,
      inviteCheck: checkInvite({ preregistration: row, latestInvitation: invitation, now }),
    }
  })
  return {
    items,
    total: Number(rows[0]?.total ?? 0),
    page: options.page,
    pageSize: options.pageSize,
  }
}

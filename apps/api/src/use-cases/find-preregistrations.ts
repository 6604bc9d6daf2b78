import { invitations, preRegistrations, users } from '@partner-center/db/schema'
import { and, count, desc, eq, inArray, ne } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { recordAudits } from '../queries/audit'
import { effectivePreregistrationStatusSql } from '../queries/effective-status'
import { toPreregistrationItem, type RevealColumn } from '../queries/preregistration-item'
import { preregistrationSearchCondition } from '../queries/search'

/** Options of {@link findPreregistrations}. */
export interface FindPreregistrationsOptions extends RequestMeta {
  scope: PartnerScope
  page: number
  pageSize: number
  q?: string
  status?: string[]
  reveal?: RevealColumn[]
}

/**
 * One page of the partner's customer list (domain.md R35): newest first, deleted rows never,
 * account managers only their own rows, contacts masked unless revealed (§7). A reveal writes
 * exactly one `pii.revealed` event with the ids of the rows returned, even for an empty page (M7).
 */
export async function findPreregistrations(deps: AppDeps, options: FindPreregistrationsOptions) {
  const now = deps.clock.now()
  const t = preRegistrations
  const effective = effectivePreregistrationStatusSql(now)
  const where = and(
    eq(t.partnerId, options.scope.partner.id),
    ne(t.status, 'DELETED'),
    options.scope.role === 'account_manager'
      ? eq(t.createdByUserId, options.scope.userId)
      : undefined,
    options.q ? preregistrationSearchCondition(options.q) : undefined,
    options.status?.length ? inArray(effective, options.status) : undefined
  )
  const rows = await deps.db
    .select({ row: t, creatorName: users.displayName, total: sql<number>`count(*) over ()` })
    .from(t)
    .innerJoin(users, eq(users.id, t.createdByUserId))
    .where(where)
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
  // Past the last page the window count has no row to ride on, so count separately.
  const total =
    rows.length > 0
      ? Number(rows[0]?.total)
      : options.page > 1
        ? Number((await deps.db.select({ n: count() }).from(t).where(where))[0]?.n ?? 0)
        : 0

  const ids = rows.map(({ row }) => row.id)
  const latest = ids.length
    ? await deps.db
        .selectDistinctOn([invitations.preregistrationId], {
          id: invitations.id,
          preregistrationId: invitations.preregistrationId,
          status: invitations.status,
          sentAt: invitations.sentAt,
          createdAt: invitations.createdAt,
        })
        .from(invitations)
        .where(inArray(invitations.preregistrationId, ids))
        .orderBy(invitations.preregistrationId, desc(invitations.createdAt), desc(invitations.id))
    : []
  const latestByRow = new Map(
    latest.map((invitation) => [invitation.preregistrationId, invitation])
  )
  const reveal = new Set(options.reveal ?? [])

  if (reveal.size > 0) {
    await recordAudits(deps.db, {
      now,
      requestId: options.requestId,
      entries: [
        {
          action: 'pii.revealed',
          actorType: 'partner_user',
          actorId: options.scope.userId,
          partnerId: options.scope.partner.id,
          entityType: 'partner',
          entityId: options.scope.partner.id,
          details: {
            endpoint: 'GET /api/v1/customer-development/preregistrations',
            columns: [...reveal].sort(),
            rowIds: ids,
          },
        },
      ],
    })
  }

  const items = rows.map(({ row, creatorName }) =>
    toPreregistrationItem({
      row,
      creatorName,
      latestInvitation: latestByRow.get(row.id) ?? null,
      reveal,
      now,
    })
  )
  return { items, total, page: options.page, pageSize: options.pageSize }
}

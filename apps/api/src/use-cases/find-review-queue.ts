import { partners, preRegistrations } from '@partner-center/db/schema'
import { and, asc, eq, sql } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { effectivePreregistrationStatusSql } from '../persistence/effective-status'
import { toAdminPreregistration } from '../presenters/admin-preregistration'

/** Options of {@link findReviewQueue}. */
export interface FindReviewQueueOptions {
  page: number
  pageSize: number
  status: 'PENDING_REVIEW'
}

/**
 * `GET /api/v1/admin/preregistrations?status=PENDING_REVIEW` (R31): rows waiting for the
 * ecosystem manager across partners, oldest deadline first, by effective status.
 */
export async function findReviewQueue(deps: AppDeps, options: FindReviewQueueOptions) {
  const now = deps.clock.now()
  const rows = await deps.db
    .select({
      row: preRegistrations,
      partner: { id: partners.id, name: partners.name },
      total: sql<number>`count(*) over ()`,
    })
    .from(preRegistrations)
    .innerJoin(partners, eq(partners.id, preRegistrations.partnerId))
    .where(and(sql`${effectivePreregistrationStatusSql(now)} = ${options.status}`))
    .orderBy(asc(preRegistrations.reviewDeadline), asc(preRegistrations.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
  return {
    items: rows.map(({ row, partner }) => toAdminPreregistration(row, partner, now)),
    total: Number(rows[0]?.total ?? 0),
    page: options.page,
    pageSize: options.pageSize,
  }
}

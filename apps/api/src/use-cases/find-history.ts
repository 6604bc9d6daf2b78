import { invitations, preRegistrations, users } from '@partner-center/db/schema'
import {
  checkInvite,
  effectiveInvitationStatus,
  failureMessage,
  HISTORY_FILTER_STATUSES,
  historyFilterOf,
  historyLabel,
  partnerAction,
  type FailureCode,
  type HistoryFilter,
} from '@partner-center/domain'
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { effectiveInvitationStatusSql } from '../queries/effective-status'
import { recordReveal, revealOrMask, type RevealColumn } from '../queries/reveal'
import { recordPiiSearch } from '../queries/search-audit'
import { preregistrationSearchCondition } from '../queries/search'
import { isoTimestamp, isoTimestampOrNull } from '../queries/iso-timestamp'

/** Options of {@link findHistory}. */
export interface FindHistoryOptions extends RequestMeta {
  scope: PartnerScope
  page: number
  pageSize: number
  q?: string
  status?: HistoryFilter[]
  reveal?: RevealColumn[]
  /** Language of labels and failure texts: the request's (R8). */
  locale: 'en' | 'zh-CN'
}

/**
 * History Records (R74): one row per invitation of the visible pre-registrations, deleted ones
 * included, newest first, searched and paged like the list, filtered by label. Customer data is
 * masked unless revealed; a reveal writes one `pii.revealed` event (M7), a search for an email or
 * a number one `pii.searched` event (M9a).
 */
export async function findHistory(deps: AppDeps, options: FindHistoryOptions) {
  const now = deps.clock.now()
  const { scope } = options
  const i = invitations
  const p = preRegistrations
  const statuses = options.status?.flatMap((filter) => [...HISTORY_FILTER_STATUSES[filter]])
  const where = and(
    eq(i.partnerId, scope.partner.id),
    eq(p.partnerId, scope.partner.id),
    scope.role === 'account_manager' ? eq(p.createdByUserId, scope.userId) : undefined,
    options.q ? preregistrationSearchCondition(options.q) : undefined,
    statuses ? inArray(effectiveInvitationStatusSql(now), statuses) : undefined
  )
  const rows = await deps.db
    .select({
      invitation: i,
      preregistration: p,
      invitedBy: users.displayName,
      total: sql<number>`count(*) over ()`,
    })
    .from(i)
    .innerJoin(p, eq(p.id, i.preregistrationId))
    .innerJoin(users, eq(users.id, i.createdByUserId))
    .where(where)
    .orderBy(desc(i.createdAt), desc(i.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
  const total =
    rows.length > 0
      ? Number(rows[0]?.total)
      : options.page > 1
        ? Number(
            (
              await deps.db
                .select({ n: count() })
                .from(i)
                .innerJoin(p, eq(p.id, i.preregistrationId))
                .where(where)
            )[0]?.n ?? 0
          )
        : 0

  const preregistrationIds = [...new Set(rows.map((r) => r.preregistration.id))]
  const latest = preregistrationIds.length
    ? await deps.db
        .selectDistinctOn([i.preregistrationId], {
          preregistrationId: i.preregistrationId,
          createdAt: i.createdAt,
        })
        .from(i)
        .where(inArray(i.preregistrationId, preregistrationIds))
        .orderBy(i.preregistrationId, desc(i.createdAt), desc(i.id))
    : []
  const latestAt = new Map(latest.map((l) => [l.preregistrationId, l.createdAt]))
  const reveal = new Set(options.reveal ?? [])

  await recordReveal(deps.db, {
    scope,
    now,
    requestId: options.requestId,
    endpoint: 'GET /api/v1/customer-development/history',
    reveal,
    rowIds: rows.map((r) => r.invitation.id),
  })
  await recordPiiSearch(deps.db, {
    scope,
    now,
    requestId: options.requestId,
    endpoint: 'GET /api/v1/customer-development/history',
    q: options.q,
    rowIds: rows.map((r) => r.invitation.id),
    matched: total,
  })

  const items = rows.map(({ invitation, preregistration, invitedBy }) => {
    const status = effectiveInvitationStatus(invitation, now)
    const failureCode = (
      status === 'FAILED_TO_SEND' ? 'DELIVERY_FAILED' : invitation.failureCode
    ) as FailureCode | null
    const latestCreatedAt = latestAt.get(preregistration.id)
    return {
      id: invitation.id,
      preregistrationId: preregistration.id,
      ...revealOrMask(
        {
          name: preregistration.customerName,
          email: invitation.recipientEmail,
          mobile: preregistration.mobileE164,
        },
        reveal
      ),
      associationType: invitation.associationType,
      invitedBy: { id: invitation.createdByUserId, displayName: invitedBy },
      createdAt: isoTimestamp(invitation.createdAt),
      sentAt: isoTimestampOrNull(invitation.sentAt),
      expiresAt: isoTimestampOrNull(invitation.expiresAt),
      acceptedAt: isoTimestampOrNull(invitation.acceptedAt),
      attemptCount: invitation.attemptCount,
      supersededById: invitation.supersededById,
      status,
      statusFilter: historyFilterOf(status),
      statusLabel: historyLabel(status, options.locale),
      failure: failureCode
        ? {
            code: failureCode,
            message: failureMessage(failureCode, options.locale),
            partnerAction: partnerAction(failureCode, options.locale),
          }
        : null,
      renewalRequestedAt: isoTimestampOrNull(invitation.renewalRequestedAt),
      preregistrationDeleted: preregistration.status === 'DELETED',
      resendCheck: checkInvite({
        preregistration,
        latestInvitation: latestCreatedAt ? { createdAt: latestCreatedAt } : null,
        now,
      }),
    }
  })
  return { items, total, page: options.page, pageSize: options.pageSize }
}

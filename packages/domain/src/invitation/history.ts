import type { InvitationSnapshot } from '../core/entities'
import type { Locale, LocalizedText } from '../core/locale'
import type { InvitationStatus } from '../core/statuses'
import { INVITATION_STATUSES } from '../core/statuses'
import { failureMessage } from '../failures/failure-catalogue'
import type { FailureCode } from '../failures/failure-codes'

/**
 * Values of the History Records status filter (§4.2, S10), in the order the page shows them.
 *
 * @example
 * HISTORY_FILTERS[0] // 'INVITED'
 */
export const HISTORY_FILTERS = [
  'INVITED',
  'ASSOCIATED',
  'ASSOCIATION_FAILED',
  'EXPIRED',
  'SENDING_FAILED',
  'SUPERSEDED',
  'WITHDRAWN',
] as const

/**
 * One History Records filter value.
 *
 * @example
 * const filter: HistoryFilter = 'WITHDRAWN'
 */
export type HistoryFilter = (typeof HISTORY_FILTERS)[number]

const FILTER_OF_STATUS: Readonly<Record<InvitationStatus, HistoryFilter>> = {
  QUEUED: 'INVITED',
  SENT: 'INVITED',
  SEND_FAILED: 'INVITED',
  ACCEPTED: 'ASSOCIATED',
  ASSOCIATION_FAILED: 'ASSOCIATION_FAILED',
  EXPIRED: 'EXPIRED',
  FAILED_TO_SEND: 'SENDING_FAILED',
  SUPERSEDED: 'SUPERSEDED',
  REVOKED: 'WITHDRAWN',
}

/**
 * The invitation statuses each filter label covers (effective statuses), for the query.
 *
 * @example
 * HISTORY_FILTER_STATUSES.INVITED // ['QUEUED', 'SENT', 'SEND_FAILED']
 */
export const HISTORY_FILTER_STATUSES: Readonly<Record<HistoryFilter, readonly InvitationStatus[]>> =
  Object.fromEntries(
    HISTORY_FILTERS.map((filter) => [
      filter,
      INVITATION_STATUSES.filter((status) => FILTER_OF_STATUS[status] === filter),
    ])
  ) as Record<HistoryFilter, InvitationStatus[]>

const FILTER_LABELS: Readonly<Record<HistoryFilter, LocalizedText>> = {
  INVITED: { en: 'Invited', 'zh-CN': '已邀请' },
  ASSOCIATED: { en: 'Associated', 'zh-CN': '已关联' },
  ASSOCIATION_FAILED: { en: 'Association failed', 'zh-CN': '关联失败' },
  EXPIRED: { en: 'Expired', 'zh-CN': '已过期' },
  SENDING_FAILED: { en: 'Sending failed', 'zh-CN': '发送失败' },
  SUPERSEDED: { en: 'Superseded', 'zh-CN': '已被替代' },
  WITHDRAWN: { en: 'Withdrawn', 'zh-CN': '已撤销' },
}

/**
 * The filter (label) an invitation status belongs to.
 *
 * @example
 * historyFilterOf('REVOKED') // 'WITHDRAWN'
 */
export function historyFilterOf(status: InvitationStatus): HistoryFilter {
  return FILTER_OF_STATUS[status]
}

/**
 * The label of a filter value in a language.
 *
 * @example
 * historyFilterLabel('SENDING_FAILED', 'zh-CN') // '发送失败'
 */
export function historyFilterLabel(filter: HistoryFilter, locale: Locale): string {
  return FILTER_LABELS[filter][locale]
}

/**
 * The History Records label of an invitation status (§4.2, R74). Pass the effective status.
 *
 * @example
 * historyLabel('SUPERSEDED', 'en') // 'Superseded'
 * historyLabel('SEND_FAILED', 'zh-CN') // '已邀请'
 */
export function historyLabel(status: InvitationStatus, locale: Locale): string {
  return historyFilterLabel(historyFilterOf(status), locale)
}

/**
 * What the status hover of a History Records row shows (§4.2), as data for the page to render:
 * attempt n of max, an instant, a failure code (message + partner action), the renewal badge
 * text, the newer invitation, the deleted pre-registration, or the merged one (issue 13).
 *
 * @example
 * const hover: HistoryHover = { key: 'SENDING', attempt: 2, maxAttempts: 8 }
 */
export type HistoryHover =
  | { key: 'SENDING'; attempt: number; maxAttempts: number }
  | { key: 'EXPIRES_AT'; at: Date | null }
  | { key: 'ASSOCIATED_AT'; at: Date | null }
  | { key: 'FAILURE'; code: FailureCode }
  | { key: 'RENEWAL_REQUESTED' }
  | { key: 'SUPERSEDED_BY'; invitationId: string | null }
  | { key: 'PREREGISTRATION_DELETED' }
  | { key: 'IDENTITY_MERGED' }
  | null

/**
 * The hover of a row with the given effective status. The attempt shown is the last one made,
 * and 1 before the first (a queued invitation is "attempt 1").
 *
 * @example
 * historyHover({ ...invitation, status: 'FAILED_TO_SEND' }, 'FAILED_TO_SEND', 8) // { key: 'FAILURE', code: 'DELIVERY_FAILED' }
 */
export function historyHover(
  invitation: Pick<
    InvitationSnapshot,
    | 'attemptCount'
    | 'expiresAt'
    | 'acceptedAt'
    | 'failureCode'
    | 'renewalRequestedAt'
    | 'supersededById'
  >,
  status: InvitationStatus,
  maxAttempts: number
): HistoryHover {
  switch (status) {
    case 'QUEUED':
    case 'SEND_FAILED':
      return { key: 'SENDING', attempt: Math.max(1, invitation.attemptCount), maxAttempts }
    case 'SENT':
      return { key: 'EXPIRES_AT', at: invitation.expiresAt }
    case 'ACCEPTED':
      return { key: 'ASSOCIATED_AT', at: invitation.acceptedAt }
    case 'ASSOCIATION_FAILED':
      return { key: 'FAILURE', code: invitation.failureCode ?? 'INTERNAL' }
    case 'EXPIRED':
      return invitation.renewalRequestedAt === null ? null : { key: 'RENEWAL_REQUESTED' }
    case 'FAILED_TO_SEND':
      return { key: 'FAILURE', code: 'DELIVERY_FAILED' }
    case 'SUPERSEDED':
      return { key: 'SUPERSEDED_BY', invitationId: invitation.supersededById }
    case 'REVOKED':
      // The identity data step revokes with IDENTITY_MERGED; a deletion records no code.
      return invitation.failureCode === 'IDENTITY_MERGED'
        ? { key: 'IDENTITY_MERGED' }
        : { key: 'PREREGISTRATION_DELETED' }
  }
}

/**
 * The fixed texts of the hovers that are sentences rather than data (§4.2).
 *
 * @example
 * historyHoverText({ key: 'SENDING', attempt: 2, maxAttempts: 8 }, 'en') // 'Sending (attempt 2 of 8)'
 */
export function historyHoverText(
  hover: Extract<
    HistoryHover,
    { key: 'SENDING' | 'RENEWAL_REQUESTED' | 'PREREGISTRATION_DELETED' | 'IDENTITY_MERGED' }
  >,
  locale: Locale
): string {
  const zh = locale === 'zh-CN'
  if (hover.key === 'SENDING') {
    return zh
      ? `发送中(第 ${hover.attempt} 次,共 ${hover.maxAttempts} 次)`
      : `Sending (attempt ${hover.attempt} of ${hover.maxAttempts})`
  }
  if (hover.key === 'RENEWAL_REQUESTED') {
    return zh ? '客户请求重新发送邀请' : 'Customer asked for a new invitation'
  }
  if (hover.key === 'IDENTITY_MERGED') {
    // The catalogue message of IDENTITY_MERGED, as a hover without its full stop.
    return failureMessage('IDENTITY_MERGED', locale).replace(/[.。]$/u, '')
  }
  return zh ? '该报备已被删除' : 'The pre-registration was deleted'
}

import type { PreregistrationSnapshot } from '../core/entities'
import type { Locale, LocalizedText } from '../core/locale'
import type { PreregistrationStatus } from '../core/statuses'

/**
 * The effective status of a pre-registration at `now` (R30): `PRE_REGISTERED` is `EXPIRED` from
 * `validUntil` on, `PENDING_REVIEW` from `reviewDeadline` on, whether or not the sweeper has
 * written it yet. Every read and rule uses this, never the stored status alone.
 *
 * @example
 * effectivePreregistrationStatus({ status: 'PRE_REGISTERED', validUntil: new Date('2025-01-16T00:00:00Z'), reviewDeadline: null }, new Date('2025-01-16T00:00:00Z'))
 * // 'EXPIRED'
 */
export function effectivePreregistrationStatus(
  row: Pick<PreregistrationSnapshot, 'status' | 'validUntil' | 'reviewDeadline'>,
  now: Date
): PreregistrationStatus {
  // getTime() comparisons: `now >= date` converts both Dates through Symbol.toPrimitive, several
  // times slower, and the list evaluates this for every row twice.
  const nowMs = now.getTime()
  if (
    row.status === 'PRE_REGISTERED' &&
    row.validUntil !== null &&
    nowMs >= row.validUntil.getTime()
  ) {
    return 'EXPIRED'
  }
  if (
    row.status === 'PENDING_REVIEW' &&
    row.reviewDeadline !== null &&
    nowMs >= row.reviewDeadline.getTime()
  ) {
    return 'EXPIRED'
  }
  return row.status
}

/**
 * Tells whether a row is holding at `now`: effective status `PENDING_REVIEW` or `PRE_REGISTERED`.
 * Only holding rows count against the quota (R21) and lock the identity (R22, R23, R28).
 *
 * @example
 * isHoldingPreregistration({ status: 'REJECTED', validUntil: null, reviewDeadline: null }, now) // false
 */
export function isHoldingPreregistration(
  row: Pick<PreregistrationSnapshot, 'status' | 'validUntil' | 'reviewDeadline'>,
  now: Date
): boolean {
  const status = effectivePreregistrationStatus(row, now)
  return status === 'PENDING_REVIEW' || status === 'PRE_REGISTERED'
}

/**
 * The instant a holding row stops protecting its identity: `validUntil` or `reviewDeadline`.
 *
 * @example
 * protectedUntil({ status: 'PENDING_REVIEW', validUntil: null, reviewDeadline: deadline }) // deadline
 */
export function protectedUntil(
  row: Pick<PreregistrationSnapshot, 'status' | 'validUntil' | 'reviewDeadline'>
): Date | null {
  return row.status === 'PENDING_REVIEW' ? row.reviewDeadline : row.validUntil
}

const LABELS: Readonly<Record<PreregistrationStatus, LocalizedText>> = {
  PENDING_REVIEW: { en: 'Pending review', 'zh-CN': '待审核' },
  PRE_REGISTERED: { en: 'Pre-registered', 'zh-CN': '已报备' },
  REJECTED: { en: 'Rejected', 'zh-CN': '已驳回' },
  EXPIRED: { en: 'Expired', 'zh-CN': '已失效' },
  CONVERTED: { en: 'Associated', 'zh-CN': '已关联' },
  NOT_PREREGISTERED: { en: 'Not pre-registered', 'zh-CN': '未报备' },
  // DELETED rows are never listed (§4.1); the label exists only so the function is total.
  DELETED: { en: 'Deleted', 'zh-CN': '已删除' },
}

/**
 * Statuses offered by the list's status filter (§4.1 labels; `DELETED` is never listed).
 *
 * @example
 * LISTED_PREREGISTRATION_STATUSES.includes('DELETED') // false
 */
export const LISTED_PREREGISTRATION_STATUSES = [
  'PENDING_REVIEW',
  'PRE_REGISTERED',
  'REJECTED',
  'EXPIRED',
  'CONVERTED',
  'NOT_PREREGISTERED',
] as const satisfies readonly PreregistrationStatus[]

/**
 * The UI label of a pre-registration status (§4.1). Pass the effective status.
 *
 * @example
 * preregistrationStatusLabel('CONVERTED', 'en') // 'Associated'
 * preregistrationStatusLabel('PRE_REGISTERED', 'zh-CN') // '已报备'
 */
export function preregistrationStatusLabel(status: PreregistrationStatus, locale: Locale): string {
  return LABELS[status][locale]
}

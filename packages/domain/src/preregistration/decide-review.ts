import type { PreregistrationSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import { appliesFrom } from '../core/state-event'
import { addDays } from '../core/time'
import { validateReviewNote } from '../identity/text-fields'
import { PREREGISTRATION_EVENTS } from './preregistration-events'
import { effectivePreregistrationStatus } from './preregistration-status'

/**
 * The fields to write for a review decision: P5 (approve) or P6 (reject).
 *
 * @example
 * const approved: ReviewOutcome = { status: 'PRE_REGISTERED', validFrom: now, validUntil: later, ageSpendWaived: true, reviewedByUserId: 'm1', reviewedAt: now, reviewNote: null }
 */
export type ReviewOutcome =
  | {
      status: 'PRE_REGISTERED'
      validFrom: Date
      validUntil: Date
      ageSpendWaived: true
      reviewedByUserId: string
      reviewedAt: Date
      reviewNote: string | null
    }
  | { status: 'REJECTED'; reviewedByUserId: string; reviewedAt: Date; reviewNote: string }

/**
 * Decides a manual review (R31). The note is validated first (R3: validation before business
 * rules); a reject needs a 1–500 character note, an approve may carry one. Only a row whose
 * effective status is a from-state of P5/P6 (`PREREGISTRATION_EVENTS`, i.e. `PENDING_REVIEW`) can
 * be decided, else `PREREGISTRATION_NOT_ACTIVE`. Approve starts a fresh
 * 15-day validity and sets `ageSpendWaived` (R63).
 *
 * @example
 * decideReview({ row, decision: 'approve', reviewerId: 'm1', now }) // ok({ status: 'PRE_REGISTERED', … })
 * decideReview({ row, decision: 'reject', note: '', reviewerId: 'm1', now }).ok // false
 */
export function decideReview(options: {
  row: Pick<PreregistrationSnapshot, 'status' | 'validUntil' | 'reviewDeadline'>
  decision: 'approve' | 'reject'
  note?: string | null
  reviewerId: string
  now: Date
  limits?: Limits
}): Result<ReviewOutcome, DomainError> {
  const { row, decision, reviewerId, now, limits = DEFAULT_LIMITS } = options
  const event =
    PREREGISTRATION_EVENTS[decision === 'reject' ? 'REVIEW_REJECTED' : 'REVIEW_APPROVED']
  const pending = appliesFrom(event, effectivePreregistrationStatus(row, now))
  const reviewed = { reviewedByUserId: reviewerId, reviewedAt: now }
  if (decision === 'reject') {
    const note = validateReviewNote(options.note, limits.REVIEW_NOTE_MAX)
    if (!note.ok) return note
    if (!pending) return fail('PREREGISTRATION_NOT_ACTIVE')
    return ok({ status: 'REJECTED', ...reviewed, reviewNote: note.value })
  }
  const note =
    options.note === undefined || options.note === null
      ? null
      : validateReviewNote(options.note, limits.REVIEW_NOTE_MAX)
  if (note && !note.ok) return note
  if (!pending) return fail('PREREGISTRATION_NOT_ACTIVE')
  return ok({
    status: 'PRE_REGISTERED',
    validFrom: now,
    validUntil: addDays(now, limits.PREREG_VALIDITY_DAYS),
    ageSpendWaived: true,
    ...reviewed,
    reviewNote: note ? note.value : null,
  })
}

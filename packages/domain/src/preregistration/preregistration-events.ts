import type { RecordedStateEvent } from '../core/state-event'
import type { PreregistrationStatus } from '../core/statuses'
import { PREREGISTRATION_STATUSES } from '../core/statuses'

// Written as literals so the event names are a type; exported below with the general shape.
const TABLE = {
  /** P5: the ecosystem manager approves (fresh validity, age/spend waived). */
  REVIEW_APPROVED: {
    rule: 'P5',
    from: ['PENDING_REVIEW'],
    to: 'PRE_REGISTERED',
    audit: 'preregistration.review_approved',
    clock: false,
    webhook: 'preregistration.review_decided',
  },
  /** P6: the ecosystem manager rejects with a note. */
  REVIEW_REJECTED: {
    rule: 'P6',
    from: ['PENDING_REVIEW'],
    to: 'REJECTED',
    audit: 'preregistration.review_rejected',
    clock: false,
    webhook: 'preregistration.review_decided',
  },
  /** P7: `reviewDeadline` has passed. */
  REVIEW_LAPSED: {
    rule: 'P7',
    from: ['PENDING_REVIEW'],
    to: 'EXPIRED',
    audit: 'preregistration.expired',
    clock: true,
    webhook: 'preregistration.expired',
  },
  /** P8: `validUntil` has passed; a live invitation is unaffected (R47). */
  VALIDITY_LAPSED: {
    rule: 'P8',
    from: ['PRE_REGISTERED'],
    to: 'EXPIRED',
    audit: 'preregistration.expired',
    clock: true,
    webhook: 'preregistration.expired',
  },
  /** P9: its invitation was accepted. */
  CONVERTED: {
    rule: 'P9',
    from: ['PRE_REGISTERED', 'EXPIRED'],
    to: 'CONVERTED',
    audit: 'preregistration.converted',
    clock: false,
    webhook: null,
  },
  /**
   * P9a: the newest overlapping row of the partner converted by a link association (R109); its
   * live email invitation is revoked (I6c).
   */
  LINK_CONVERTED: {
    rule: 'P9a',
    from: ['PENDING_REVIEW', 'PRE_REGISTERED', 'REJECTED', 'EXPIRED', 'NOT_PREREGISTERED'],
    to: 'CONVERTED',
    audit: 'preregistration.converted',
    clock: false,
    webhook: null,
  },
  /**
   * P9b: created `CONVERTED` by a link association with no row to convert, outside the quota. A
   * creation event (`from` none): no stored row ever applies it.
   */
  LINK_CREATED_CONVERTED: {
    rule: 'P9b',
    from: [],
    to: 'CONVERTED',
    audit: 'preregistration.converted',
    clock: false,
    webhook: null,
  },
  /** P10: deleted by the partner; its live invitation is revoked (I6). */
  DELETED: {
    rule: 'P10',
    from: ['PENDING_REVIEW', 'PRE_REGISTERED', 'REJECTED', 'EXPIRED', 'NOT_PREREGISTERED'],
    to: 'DELETED',
    audit: 'preregistration.deleted',
    clock: false,
    webhook: 'preregistration.deleted',
  },
  /** P11: the identity data step merged it into an earlier row (`closedReason`). */
  IDENTITY_MERGED: {
    rule: 'P11',
    from: ['PENDING_REVIEW', 'PRE_REGISTERED'],
    to: 'EXPIRED',
    audit: 'preregistration.identity_merged',
    clock: false,
    webhook: 'preregistration.expired',
  },
  /** R28a: the identity data step moved the canonical email or mobile to the current form. */
  CANONICALISED: {
    rule: 'R28a',
    from: PREREGISTRATION_STATUSES,
    to: 'unchanged',
    audit: 'identity.canonicalised',
    clock: false,
    webhook: null,
  },
} as const satisfies Record<string, RecordedStateEvent<PreregistrationStatus>>

/**
 * The name of one pre-registration event.
 *
 * @example
 * const name: PreregistrationEventName = 'VALIDITY_LAPSED'
 */
export type PreregistrationEventName = keyof typeof TABLE

/**
 * Every event that changes a stored pre-registration (docs/domain.md §4.1), as data. Creation
 * (P1–P4) is `decidePreregistration` and the seed. `decideReview`, `decideDeletion` and
 * `decideAcceptance` decide from it, the API's, the sweeper's and the data steps' SQL guards are
 * built from it, and an integration test runs each event's real write path against every status
 * to prove the statuses it changes are `from`.
 *
 * @example
 * PREREGISTRATION_EVENTS.DELETED.from.includes('CONVERTED') // false
 */
export const PREREGISTRATION_EVENTS: Readonly<
  Record<PreregistrationEventName, RecordedStateEvent<PreregistrationStatus>>
> = TABLE

/**
 * Every pre-registration event name, in table order.
 *
 * @example
 * PREREGISTRATION_EVENT_NAMES[0] // 'REVIEW_APPROVED'
 */
export const PREREGISTRATION_EVENT_NAMES = Object.keys(TABLE) as PreregistrationEventName[]

import type { WebhookEventType } from '../webhooks/event-types'
import type { AuditAction } from './audit'

/**
 * One event of a state machine (docs/domain.md §4) as data: the statuses it applies from, the
 * status it writes and its audit action. The domain's decisions read these tables, and every SQL
 * status guard of a write is built from them, so a state or an event is added in one place.
 *
 * `from` is matched against the effective status at the event's instant (a live invitation past
 * `expiresAt`, a holding pre-registration past its deadline, reads as `EXPIRED`). A clock event
 * (I7, P7, P8) is the one that writes that effective `EXPIRED`: its `from` is matched against the
 * stored status, and it applies once the clock has run out.
 *
 * @example
 * const superseded: StateEvent<InvitationStatus> = { rule: 'I5', from: ['QUEUED', 'SENT', 'SEND_FAILED'], to: 'SUPERSEDED', audit: 'invitation.superseded', clock: false }
 */
export interface StateEvent<S extends string> {
  /** The row of docs/domain.md §4, or the rule, that defines the event (e.g. `I5`, `R72`). */
  readonly rule: string
  /** The statuses the event applies from; any other status refuses it and changes nothing. */
  readonly from: readonly S[]
  /** The status written, or `unchanged` for an event that changes other fields only. */
  readonly to: S | 'unchanged'
  /** The one audit event of the change (R75), or null when no event records it on its own. */
  readonly audit: AuditAction | null
  /** A time event: `from` is the stored status, and the event applies once due. */
  readonly clock: boolean
}

/**
 * A row of the pre-registration or invitation events tables: a {@link StateEvent} that also
 * names the webhook event it writes (domain.md §13.5 "Written by"), or null when it writes none.
 *
 * @example
 * const expire: RecordedStateEvent<InvitationStatus> = { ...event, webhook: 'invitation.expired' }
 */
export interface RecordedStateEvent<S extends string> extends StateEvent<S> {
  /** The one webhook event the change writes (R124), or null. */
  readonly webhook: WebhookEventType | null
}

/**
 * The webhook event type of an event that writes one (§13.5). Throws for an event that writes
 * none: recording one for it is a caller defect.
 *
 * @example
 * webhookTypeOf(INVITATION_EVENTS.EXPIRE) // 'invitation.expired'
 */
export function webhookTypeOf(event: RecordedStateEvent<string>): WebhookEventType {
  if (event.webhook === null) throw new Error(`event ${event.rule} writes no webhook event`)
  return event.webhook
}

/**
 * Whether `event` applies from `status` (the effective status; the stored one for a clock event).
 *
 * @example
 * appliesFrom(INVITATION_EVENTS.ACCEPTED, 'SENT') // true
 * appliesFrom(INVITATION_EVENTS.ACCEPTED, 'EXPIRED') // false
 */
export function appliesFrom<S extends string>(event: StateEvent<S>, status: S): boolean {
  return event.from.includes(status)
}

/**
 * The status a row in `status` has after `event`: its `to`, or `status` itself when the event
 * leaves the status unchanged.
 *
 * @example
 * statusAfter(INVITATION_EVENTS.TOKEN_ISSUED, 'QUEUED') // 'QUEUED'
 * statusAfter(INVITATION_EVENTS.SEND_SUCCEEDED, 'QUEUED') // 'SENT'
 */
export function statusAfter<S extends string>(event: StateEvent<S>, status: S): S {
  return event.to === 'unchanged' ? status : event.to
}

/**
 * The status an event writes. Throws for an event that leaves the status unchanged: a writer
 * that sets a status from one is a caller defect.
 *
 * @example
 * writtenStatus(INVITATION_EVENTS.ACCEPTED) // 'ACCEPTED'
 */
export function writtenStatus<S extends string>(event: StateEvent<S>): S {
  if (event.to === 'unchanged') throw new Error(`event ${event.rule} writes no status`)
  return event.to
}

/**
 * The union of the `from` lists of `events`, in first-seen order: the statuses a write that may
 * apply any of them has to guard on.
 *
 * @example
 * fromStatuses(PREREGISTRATION_EVENTS.REVIEW_LAPSED, PREREGISTRATION_EVENTS.VALIDITY_LAPSED)
 * // ['PENDING_REVIEW', 'PRE_REGISTERED']
 */
export function fromStatuses<S extends string>(...events: readonly StateEvent<S>[]): S[] {
  return [...new Set(events.flatMap((event) => event.from))]
}

/**
 * The audit action of an event that records one (R75). Throws for an event without one (a token
 * issued): asking for it is a caller defect.
 *
 * @example
 * auditActionOf(INVITATION_EVENTS.EXPIRE) // 'invitation.expired'
 */
export function auditActionOf(event: StateEvent<string>): AuditAction {
  if (event.audit === null) throw new Error(`event ${event.rule} records no audit event`)
  return event.audit
}

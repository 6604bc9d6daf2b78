import {
  appliesFrom,
  effectiveInvitationStatus,
  effectivePreregistrationStatus,
  INVITATION_EVENTS,
  PREREGISTRATION_EVENTS,
  type StateEvent,
} from '@partner-center/domain'
import type { InvitationIdentityRow, PreregistrationIdentityRow } from './identity-rows'

// Which events of the domain's tables the identity step applies to a row, read from the tables
// so the step cannot write a transition the state machines do not have.

/**
 * The clock event (P7 or P8) that closes a pre-registration at `now`, or null while its own
 * clock runs: the stored status is a from-state and the effective status is `EXPIRED`.
 *
 * @example
 * lapsedEventOf({ ...row, status: 'PRE_REGISTERED', validUntil: past }, now) // PREREGISTRATION_EVENTS.VALIDITY_LAPSED
 */
export function lapsedEventOf(
  row: PreregistrationIdentityRow,
  now: Date
): StateEvent<PreregistrationIdentityRow['status']> | null {
  const effective = effectivePreregistrationStatus(row, now)
  const { REVIEW_LAPSED, VALIDITY_LAPSED } = PREREGISTRATION_EVENTS
  for (const event of [REVIEW_LAPSED, VALIDITY_LAPSED]) {
    if (appliesFrom(event, row.status) && effective === event.to) return event
  }
  return null
}

/**
 * The event that retires an invitation of a merged pre-registration: I7 when its `expiresAt` has
 * passed, else I6b, or null when neither applies (it is no longer live).
 *
 * @example
 * retiringEventOf({ ...invitation, status: 'SENT', expiresAt: future }, now) // 'IDENTITY_MERGED'
 */
export function retiringEventOf(
  invitation: InvitationIdentityRow,
  now: Date
): 'EXPIRE' | 'IDENTITY_MERGED' | null {
  const effective = effectiveInvitationStatus(invitation, now)
  const { EXPIRE, IDENTITY_MERGED } = INVITATION_EVENTS
  if (appliesFrom(EXPIRE, invitation.status) && effective === EXPIRE.to) return 'EXPIRE'
  return appliesFrom(IDENTITY_MERGED, effective) ? 'IDENTITY_MERGED' : null
}

/**
 * Whether the step may move this pre-registration's canonical values (R28a: every status).
 *
 * @example
 * canonicalisesPreregistration({ ...row, status: 'DELETED' }, now) // true
 */
export function canonicalisesPreregistration(row: PreregistrationIdentityRow, now: Date): boolean {
  return appliesFrom(PREREGISTRATION_EVENTS.CANONICALISED, effectivePreregistrationStatus(row, now))
}

/**
 * Whether the step may move this invitation's canonical recipient (R28a: every status).
 *
 * @example
 * canonicalisesInvitation({ ...invitation, status: 'ACCEPTED' }, now) // true
 */
export function canonicalisesInvitation(invitation: InvitationIdentityRow, now: Date): boolean {
  return appliesFrom(INVITATION_EVENTS.CANONICALISED, effectiveInvitationStatus(invitation, now))
}

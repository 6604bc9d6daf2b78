import type { InvitationState } from '../core/entities'
import type { InvitationStatus } from '../core/statuses'
import { LIVE_INVITATION_STATUSES, TERMINAL_INVITATION_STATUSES } from '../core/statuses'

/**
 * Whether a stored status is one of the live statuses `QUEUED`, `SENT`, `SEND_FAILED`.
 *
 * @example
 * isLiveInvitationStatus('SENT') // true
 */
export function isLiveInvitationStatus(status: InvitationStatus): boolean {
  return (LIVE_INVITATION_STATUSES as readonly string[]).includes(status)
}

/**
 * Whether a status is terminal: no transition leaves it (§4.2).
 *
 * @example
 * isTerminalInvitationStatus('SUPERSEDED') // true
 */
export function isTerminalInvitationStatus(status: InvitationStatus): boolean {
  return (TERMINAL_INVITATION_STATUSES as readonly string[]).includes(status)
}

/**
 * The effective status of an invitation at `now`: a live one whose `expiresAt` is set and has
 * passed is `EXPIRED` (I7), whether or not the sweeper has written it.
 *
 * @example
 * effectiveInvitationStatus({ status: 'SENT', expiresAt: new Date('2025-01-22T09:30:00Z') }, new Date('2025-01-22T09:30:00Z')) // 'EXPIRED'
 */
export function effectiveInvitationStatus(
  invitation: Pick<InvitationState, 'status' | 'expiresAt'>,
  now: Date
): InvitationStatus {
  const { status, expiresAt } = invitation
  if (isLiveInvitationStatus(status) && expiresAt !== null && now >= expiresAt) return 'EXPIRED'
  return status
}

/**
 * Whether an invitation is live at `now` (glossary): live status and `expiresAt` not passed. An
 * invitation still waiting for its first token (`expiresAt` null) is live.
 *
 * @example
 * isInvitationLive({ status: 'QUEUED', expiresAt: null }, now) // true
 */
export function isInvitationLive(
  invitation: Pick<InvitationState, 'status' | 'expiresAt'>,
  now: Date
): boolean {
  return isLiveInvitationStatus(effectiveInvitationStatus(invitation, now))
}

import type { InvitationState } from '../core/entities'
import type { StateEvent } from '../core/state-event'
import { appliesFrom } from '../core/state-event'
import type { InvitationStatus, OutboxKind } from '../core/statuses'
import type { InvitationTokenPurpose } from '../core/value-lists'
import { INVITATION_EVENTS, type InvitationEventName } from './invitation-events'
import { effectiveInvitationStatus } from './invitation-status'

/**
 * The outbox kinds whose delivery issues an invitation token: the invitation email (R51) and its
 * reminder (R117).
 *
 * @example
 * const kind: TokenIssuingKind = 'INVITATION_REMINDER'
 */
export type TokenIssuingKind = Extract<OutboxKind, 'INVITATION_EMAIL' | 'INVITATION_REMINDER'>

// Token issue is decided per outbox kind (§12.3.2): the first send from QUEUED or SEND_FAILED,
// the reminder from SENT only. Each kind's event row holds its from-states.
const TOKEN_ISSUE = {
  INVITATION_EMAIL: { event: 'TOKEN_ISSUED', purpose: 'SEND' },
  INVITATION_REMINDER: { event: 'REMINDER_TOKEN_ISSUED', purpose: 'REMINDER' },
} as const satisfies Record<
  TokenIssuingKind,
  { event: InvitationEventName; purpose: InvitationTokenPurpose }
>

/**
 * The event of {@link INVITATION_EVENTS} that issuing a token for `kind` applies: its from-states
 * are the statuses a token may be issued from (the SQL guard of the dispatcher's token issue is
 * built from it).
 *
 * @example
 * tokenIssueEventOf('INVITATION_EMAIL').from // ['QUEUED', 'SEND_FAILED']
 * tokenIssueEventOf('INVITATION_REMINDER').from // ['SENT']
 */
export function tokenIssueEventOf(kind: TokenIssuingKind): StateEvent<InvitationStatus> {
  return INVITATION_EVENTS[TOKEN_ISSUE[kind].event]
}

/**
 * The `purpose` stored with a token issued for `kind` (§12.2.3).
 *
 * @example
 * tokenPurposeOf('INVITATION_REMINDER') // 'REMINDER'
 */
export function tokenPurposeOf(kind: TokenIssuingKind): InvitationTokenPurpose {
  return TOKEN_ISSUE[kind].purpose
}

/**
 * Whether the dispatcher issues a token for an outbox row of `kind` (R50, R51, R117), decided
 * on the invitation as re-read at `now`: `ISSUE` when its effective status is a from-state of the
 * kind's event (so never past `expiresAt`) and, for a reminder, it was sent; otherwise `CANCEL`:
 * the outbox row becomes `CANCELLED` and no token is issued.
 *
 * @example
 * decideTokenIssue({ kind: 'INVITATION_REMINDER', invitation: { status: 'SENT', sentAt, expiresAt }, now }) // 'ISSUE'
 * decideTokenIssue({ kind: 'INVITATION_REMINDER', invitation: { status: 'QUEUED', sentAt: null, expiresAt: null }, now }) // 'CANCEL'
 */
export function decideTokenIssue(input: {
  kind: TokenIssuingKind
  invitation: Pick<InvitationState, 'status' | 'sentAt' | 'expiresAt'>
  now: Date
}): 'ISSUE' | 'CANCEL' {
  const { kind, invitation, now } = input
  const status = effectiveInvitationStatus(invitation, now)
  if (!appliesFrom(tokenIssueEventOf(kind), status)) return 'CANCEL'
  // I12's guard: a reminder follows a first send that happened, before the expiry it names.
  const reminderReady = invitation.sentAt !== null && invitation.expiresAt !== null
  return kind === 'INVITATION_REMINDER' && !reminderReady ? 'CANCEL' : 'ISSUE'
}

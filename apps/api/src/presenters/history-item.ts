import type { InvitationRow, PreRegistrationRow } from '@partner-center/db/schema'
import {
  checkInvite,
  effectiveInvitationStatus,
  failureMessage,
  historyFilterOf,
  historyLabel,
  partnerAction,
  type FailureCode,
  type Locale,
} from '@partner-center/domain'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'
import { revealOrMask, type RevealColumn } from './masked-contact'

/** One History Records row as loaded (history-page.ts). */
export interface HistoryRow {
  invitation: InvitationRow
  /** Null only for a link row that converted no pre-registration (I11 without one, R109). */
  preregistration: PreRegistrationRow | null
  invitedBy: string
  /** When the row's pre-registration was last invited: the resend check's cooldown. */
  latestCreatedAt: Date | null
  /** The invitation's reminder was given up (its outbox row `FAILED`, R118). */
  reminderFailed: boolean
}

const LINK_ROW_WITHOUT_PREREGISTRATION = Object.freeze({
  allowed: false as const,
  code: 'NOT_FOUND' as const,
})

/** How to show a row: its columns revealed, the clock and the language of labels and texts. */
export interface HistoryItemOptions {
  reveal: ReadonlySet<RevealColumn>
  now: Date
  locale: Locale
}

/**
 * A History Records item (R74): the effective status with its filter and label, the failure
 * with its text and suggested action (a final delivery failure reads `DELIVERY_FAILED`), the
 * contact masked unless revealed, and whether a resend is possible now.
 */
export function toHistoryItem(row: HistoryRow, options: HistoryItemOptions) {
  const { invitation, preregistration, latestCreatedAt } = row
  const status = effectiveInvitationStatus(invitation, options.now)
  const failureCode = (
    status === 'FAILED_TO_SEND' ? 'DELIVERY_FAILED' : invitation.failureCode
  ) as FailureCode | null
  return {
    id: invitation.id,
    preregistrationId: preregistration?.id ?? null,
    externalRef: preregistration?.externalRef ?? null,
    channel: invitation.channel,
    linkTag: invitation.linkTag,
    ...revealOrMask(
      {
        name: preregistration?.customerName ?? '',
        email: invitation.recipientEmail,
        mobile: preregistration?.mobileE164 ?? null,
      },
      options.reveal
    ),
    associationType: invitation.associationType,
    invitedBy: { id: invitation.createdByUserId, displayName: row.invitedBy },
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
    reminderSentAt: isoTimestampOrNull(invitation.reminderSentAt),
    reminderFailed: row.reminderFailed,
    preregistrationDeleted: preregistration?.status === 'DELETED',
    // R110: a link row's resend is its pre-registration's; without one there is nothing to resend.
    resendCheck: preregistration
      ? checkInvite({
          preregistration,
          latestInvitation: latestCreatedAt ? { createdAt: latestCreatedAt } : null,
          now: options.now,
        })
      : LINK_ROW_WITHOUT_PREREGISTRATION,
  }
}

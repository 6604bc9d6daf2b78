import type { InvitationRow, PreRegistrationRow } from '@partner-center/db/schema'
import {
  checkInvite,
  effectivePreregistrationStatus,
  type PreregistrationStatus,
} from '@partner-center/domain'
import { revealOrMask, type RevealColumn } from './reveal'

/** Options of {@link toPreregistrationItem}. */
export interface PreregistrationItemOptions {
  row: PreRegistrationRow
  creatorName: string
  latestInvitation: Pick<InvitationRow, 'id' | 'status' | 'sentAt' | 'createdAt'> | null
  reveal: ReadonlySet<RevealColumn>
  now: Date
}

/**
 * One row of the customer list as the API answers it (R35, R40): effective status, masked
 * contacts unless revealed (§7), the latest invitation and the pre-send check.
 */
export function toPreregistrationItem(options: PreregistrationItemOptions) {
  const { row, latestInvitation: invitation, reveal, now } = options
  // DELETED rows are never listed, so the status is one of the listed ones.
  const status = effectivePreregistrationStatus(row, now) as Exclude<
    PreregistrationStatus,
    'DELETED'
  >
  return {
    id: row.id,
    ...revealOrMask({ name: row.customerName, email: row.email, mobile: row.mobileE164 }, reveal),
    locale: row.locale,
    source: row.source,
    status,
    createdAt: row.createdAt.toISOString(),
    validUntil: row.validUntil?.toISOString() ?? null,
    reviewReason: row.reviewReason,
    reviewNote: row.reviewNote,
    createdBy: { id: row.createdByUserId, displayName: options.creatorName },
    latestInvitation: invitation
      ? {
          id: invitation.id,
          status: invitation.status,
          sentAt: invitation.sentAt?.toISOString() ?? null,
          createdAt: invitation.createdAt.toISOString(),
        }
      : null,
    inviteCheck: checkInvite({ preregistration: row, latestInvitation: invitation, now }),
  }
}

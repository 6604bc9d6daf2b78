import {
  preRegistrations,
  type InvitationRow,
  type PreRegistrationRow,
} from '@partner-center/db/schema'
import {
  checkInvite,
  effectivePreregistrationStatus,
  type PreregistrationStatus,
} from '@partner-center/domain'
import {
  shownAccountName,
  shownEmail,
  shownMobile,
  shownName,
  type RevealColumn,
} from './masked-contact'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'

const t = preRegistrations

/**
 * The columns an item is made of, to select no more than that: the list maps each column of
 * each row, so the dozen it never shows would cost it CPU on every request.
 */
export const PREREGISTRATION_ITEM_COLUMNS = {
  id: t.id,
  customerName: t.customerName,
  email: t.email,
  emailCanonical: t.emailCanonical,
  mobileE164: t.mobileE164,
  locale: t.locale,
  externalRef: t.externalRef,
  source: t.source,
  status: t.status,
  createdAt: t.createdAt,
  validUntil: t.validUntil,
  reviewDeadline: t.reviewDeadline,
  reviewReason: t.reviewReason,
  reviewNote: t.reviewNote,
  closedReason: t.closedReason,
  createdByUserId: t.createdByUserId,
}

/** A pre-registration as far as {@link toPreregistrationItem} reads it. */
export type PreregistrationItemRow = Pick<
  PreRegistrationRow,
  keyof typeof PREREGISTRATION_ITEM_COLUMNS
>

/** Options of {@link toPreregistrationItem}. */
export interface PreregistrationItemOptions {
  row: PreregistrationItemRow
  creatorName: string
  /**
   * The display name of the account of the row's `ACTIVE` association, as stored; the list
   * query reads it only for `CONVERTED` rows (S5), and null for every other row.
   */
  accountName: string | null
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
    // Field by field rather than spreading revealOrMask's object: the list builds twenty items
    // per request, and the spread cost about a microsecond apiece.
    customerName: shownName(row.customerName, reveal),
    accountName: shownAccountName(options.accountName, reveal),
    email: shownEmail(row.email, reveal),
    mobile: shownMobile(row.mobileE164, reveal),
    locale: row.locale,
    externalRef: row.externalRef,
    source: row.source,
    status,
    createdAt: isoTimestamp(row.createdAt),
    validUntil: isoTimestampOrNull(row.validUntil),
    reviewReason: row.reviewReason,
    reviewNote: row.reviewNote,
    closedReason: row.closedReason,
    createdBy: { id: row.createdByUserId, displayName: options.creatorName },
    latestInvitation: invitation
      ? {
          id: invitation.id,
          status: invitation.status,
          sentAt: isoTimestampOrNull(invitation.sentAt),
          createdAt: isoTimestamp(invitation.createdAt),
        }
      : null,
    inviteCheck: checkInvite({ preregistration: row, latestInvitation: invitation, now }),
  }
}

import type { InvitationRow } from '@partner-center/db/schema'
import { isoTimestamp } from './iso-timestamp'
import { revealOrMask, shownAccountName, type RevealColumn } from './masked-contact'

/** One row of the link associations page as read (persistence/link-association-page.ts). */
export interface LinkAssociationRow {
  invitation: InvitationRow
  customerName: string | null
  email: string | null
  mobile: string | null
  accountName: string | null
  accountMobile: string | null
}

/**
 * One customer associated through a link (R98): the converted pre-registration's name and
 * contacts (the account's when there is none), masked unless revealed (M1–M3), and the account's
 * display name, revealed with `name`.
 */
export function toLinkAssociationItem(row: LinkAssociationRow, reveal: ReadonlySet<RevealColumn>) {
  const { invitation } = row
  const contact = revealOrMask(
    {
      name: row.customerName ?? row.accountName ?? '',
      email: row.email ?? invitation.recipientEmail,
      mobile: row.mobile ?? row.accountMobile,
    },
    reveal
  )
  return {
    id: invitation.id,
    ...contact,
    accountName: shownAccountName(row.accountName, reveal),
    // The channel check of the table guarantees both on a link row.
    linkId: invitation.linkId ?? '',
    linkTag: invitation.linkTag ?? '',
    channel: invitation.channel === 'general_link' ? 'general_link' : 'custom_link',
    associationType: invitation.associationType,
    associatedAt: isoTimestamp(invitation.acceptedAt ?? invitation.createdAt),
  } as const
}

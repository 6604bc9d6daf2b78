import type { InvitationLinkRow } from '@partner-center/db/schema'
import { effectiveLinkStatus, linkActions, type Actor } from '@partner-center/domain'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'

/**
 * One custom link as listed (R95): its effective status at `now` and the actions the caller may
 * take on it. Carries no code and no URL (R99).
 */
export function toInvitationLinkItem(options: {
  link: InvitationLinkRow
  creatorName: string
  actor: Actor
  now: Date
}) {
  const { link, actor, now } = options
  // A custom link does not depend on its creator's status (§12.3.1), so no owner is passed.
  const status = effectiveLinkStatus(link, null, now)
  return {
    id: link.id,
    tag: link.tag,
    associationType: link.associationType,
    createdBy: { id: link.createdByUserId, displayName: options.creatorName },
    createdAt: isoTimestamp(link.createdAt),
    expiresAt: isoTimestampOrNull(link.expiresAt),
    registrationCount: link.registrationCount,
    associationCount: link.associationCount,
    status,
    actions: linkActions(actor, link, status),
  }
}

/** The caller's general link with its full URL (R91, R92): the only answer besides R97's with it. */
export function toGeneralInvitationLink(link: InvitationLinkRow, url: string) {
  return {
    id: link.id,
    tag: link.tag,
    associationType: link.associationType,
    createdAt: isoTimestamp(link.createdAt),
    registrationCount: link.registrationCount,
    associationCount: link.associationCount,
    url,
  }
}

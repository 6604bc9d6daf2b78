import { decideLinkReset, generalLinkAssociationType } from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { toAppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import {
  findActiveGeneralLink,
  insertLinkUnlessTaken,
  linkReplacement,
  voidPendingRegistrations,
  writeLinkReset,
} from '../persistence/invitation-links'
import { toGeneralInvitationLink } from '../presenters/invitation-link-item'
import { invitationLinkUrl } from '../security/link-codes'
import { linkAuditEntry } from './invitation-link-audit'
import { newGeneralLinkRow } from './new-invitation-link'

/** Options of {@link resetGeneralInvitationLink}. */
export interface ResetGeneralInvitationLinkOptions extends RequestMeta {
  scope: PartnerScope
}

/**
 * `POST …/invitation-links/general/reset` (R92, L6): in one transaction, under the row lock of
 * the caller's `ACTIVE` general link, the old link becomes `RESET` (so it answers
 * `OFFLINE_LINK_RESET` from this commit on), a new `ACTIVE` general link with a new code, the
 * same tag and the type of R91 replaces it, and the old link's pending registrations become
 * `VOID`. Acceptances and registrations through the old link hold `FOR SHARE` on it (R113), so
 * each commits before this or sees `RESET`. No active general link: `LINK_NOT_FOUND`.
 */
export async function resetGeneralInvitationLink(
  deps: AppDeps,
  options: ResetGeneralInvitationLinkOptions
) {
  const { scope } = options
  const now = deps.clock.now()
  const type = generalLinkAssociationType(scope.partner)
  const { link, code } = await deps.db.transaction(async (tx) => {
    const decision = decideLinkReset({
      link: await findActiveGeneralLink(tx, scope.userId, { forUpdate: true }),
    })
    if (!decision.ok) throw toAppError(decision.error)
    if (!type.ok) throw toAppError(type.error)
    const { link: old, event } = decision.value
    await writeLinkReset(tx, { linkId: old.id, event, now })
    const fresh = await newGeneralLinkRow(deps, {
      scope,
      accountName: old.tag,
      associationType: type.value,
      now,
    })
    const inserted = await insertLinkUnlessTaken(tx, fresh.row)
    if (!inserted) throw new Error('general link reset: the replacement could not be inserted')
    await linkReplacement(tx, { oldLinkId: old.id, newLinkId: inserted.id })
    await voidPendingRegistrations(tx, old.id)
    await recordAudits(tx, {
      now,
      requestId: options.requestId,
      entries: [
        linkAuditEntry(scope, 'invitation_link.reset', old, { replacedById: inserted.id }),
        linkAuditEntry(scope, 'invitation_link.created', inserted, { replacesId: old.id }),
      ],
    })
    return { link: inserted, code: fresh.code }
  })
  return toGeneralInvitationLink(link, invitationLinkUrl(deps.config.publicBaseUrl, code))
}

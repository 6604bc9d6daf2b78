import { auditActionOf, decideLinkChange, isUuid, type LinkChange } from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { AppError } from '../errors'
import { actorOf } from '../partner-scope'
import { recordAudits } from '../persistence/audit'
import {
  findLinkById,
  findLinkWithCreator,
  voidPendingRegistrations,
  writeLinkSwitch,
} from '../persistence/invitation-links'
import { toInvitationLinkItem } from '../presenters/invitation-link-item'
import { linkAuditEntry } from './invitation-link-audit'
import { linkRefusal } from './link-errors'

/** Options of {@link changeInvitationLink}. */
export interface ChangeInvitationLinkOptions extends RequestMeta {
  scope: PartnerScope
  id: string
  change: LinkChange
}

/**
 * `POST …/invitation-links/{id}/disable` (L3) and `…/enable` (L4), R96: under the link's row
 * lock the domain decides (`NOT_FOUND` outside the caller's links, `VALIDATION_FAILED` for a
 * general link, `OFFLINE_LINK_EXPIRED`, or nothing to do when already in the target state); the
 * switch is written with its from-states as the SQL guard, a disable voids the link's pending
 * registrations, and the audit event commits with it. Answers the link as listed (R95).
 */
export async function changeInvitationLink(deps: AppDeps, options: ChangeInvitationLinkOptions) {
  const { scope } = options
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const actor = actorOf(scope)
  const now = deps.clock.now()
  const changed = await deps.db.transaction(async (tx) => {
    const decision = decideLinkChange({
      change: options.change,
      link: await findLinkById(tx, options.id, { forUpdate: true }),
      actor,
      now,
    })
    if (!decision.ok) throw linkRefusal(decision.error)
    const { link, event } = decision.value
    if (event !== null) {
      await writeLinkSwitch(tx, { linkId: link.id, event, actorUserId: scope.userId, now })
      if (options.change === 'disable') await voidPendingRegistrations(tx, link.id)
      const entries = [linkAuditEntry(scope, auditActionOf(event), link)]
      await recordAudits(tx, { now, requestId: options.requestId, entries })
    }
    return findLinkWithCreator(tx, options.id)
  })
  if (!changed) throw AppError.of('NOT_FOUND')
  return toInvitationLinkItem({ ...changed, actor, now })
}

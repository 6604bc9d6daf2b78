import { generalLinkAssociationType } from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { AppError, toAppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import {
  findAccountName,
  findActiveGeneralLink,
  insertLinkUnlessTaken,
} from '../persistence/invitation-links'
import { toGeneralInvitationLink } from '../presenters/invitation-link-item'
import { invitationLinkUrl, openLinkCode } from '../security/link-codes'
import { linkAuditEntry } from './invitation-link-audit'
import { newGeneralLinkRow } from './new-invitation-link'

/** Options of {@link getGeneralInvitationLink}. */
export interface GetGeneralInvitationLinkOptions extends RequestMeta {
  scope: PartnerScope
}

/**
 * `POST …/invitation-links/general` (R91): the caller's `ACTIVE` general link, created (L1) on
 * the first call with the association type of R11. Concurrent first calls create one link: the
 * partial unique constraint refuses every other insert, which then reads the winner's row.
 * `created` tells the route to answer 201.
 */
export async function getGeneralInvitationLink(
  deps: AppDeps,
  options: GetGeneralInvitationLinkOptions
) {
  const { scope } = options
  const existing = await findActiveGeneralLink(deps.db, scope.userId)
  if (existing) {
    const url = invitationLinkUrl(
      deps.config.publicBaseUrl,
      await openLinkCode(deps.keyring, existing.codeCiphertext)
    )
    return { created: false, link: toGeneralInvitationLink(existing, url) }
  }

  const type = generalLinkAssociationType(scope.partner)
  if (!type.ok) throw toAppError(type.error)
  const accountName = await findAccountName(deps.db, scope.userId)
  if (accountName === null) throw AppError.of('NOT_AUTHENTICATED')
  const now = deps.clock.now()
  const { row, code } = await newGeneralLinkRow(deps, {
    scope,
    accountName,
    associationType: type.value,
    now,
  })
  const inserted = await deps.db.transaction(async (tx) => {
    const link = await insertLinkUnlessTaken(tx, row)
    if (link) {
      const entries = [linkAuditEntry(scope, 'invitation_link.created', link)]
      await recordAudits(tx, { now, requestId: options.requestId, entries })
    }
    return link
  })
  if (inserted) {
    const url = invitationLinkUrl(deps.config.publicBaseUrl, code)
    return { created: true, link: toGeneralInvitationLink(inserted, url) }
  }
  // Another request created it first (its insert committed before ours gave way): read it.
  const winner = await findActiveGeneralLink(deps.db, scope.userId)
  if (!winner) throw AppError.of('LINK_TAG_TAKEN')
  const url = invitationLinkUrl(
    deps.config.publicBaseUrl,
    await openLinkCode(deps.keyring, winner.codeCiphertext)
  )
  return { created: false, link: toGeneralInvitationLink(winner, url) }
}

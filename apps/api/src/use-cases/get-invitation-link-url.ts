import { decideLinkUrl, isUuid } from '@partner-center/domain'
import type { AppDeps, PartnerScope } from '../deps'
import { AppError } from '../errors'
import { actorOf } from '../partner-scope'
import { findLinkById } from '../persistence/invitation-links'
import { invitationLinkUrl, openLinkCode } from '../security/link-codes'
import { linkRefusal } from './link-errors'

/**
 * `GET …/invitation-links/{id}/url` (R97): the full link of a custom link the caller manages, in
 * any status, for Copy and QR. The code is decrypted with the key its ciphertext names (current
 * or retired). Reading changes nothing and is not audited; the route answers `no-store`.
 */
export async function getInvitationLinkUrl(
  deps: AppDeps,
  options: { scope: PartnerScope; id: string }
) {
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const link = await findLinkById(deps.db, options.id)
  const decision = decideLinkUrl({ link, actor: actorOf(options.scope) })
  if (!decision.ok) throw linkRefusal(decision.error)
  const code = await openLinkCode(deps.keyring, decision.value.codeCiphertext)
  return { url: invitationLinkUrl(deps.config.publicBaseUrl, code) }
}

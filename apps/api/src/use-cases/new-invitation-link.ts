import type { NewInvitationLinkRow } from '@partner-center/db/schema'
import { linkTagKey, type AssociationType } from '@partner-center/domain'
import type { AppDeps, PartnerScope } from '../deps'
import { issueLinkCode } from '../security/link-codes'

/**
 * The row of a new general link of the caller (L1, R91) and its raw code, which only the answer
 * carries: tag = the owner's account name as it is, its key in the partner's namespace.
 */
export async function newGeneralLinkRow(
  deps: AppDeps,
  options: { scope: PartnerScope; accountName: string; associationType: AssociationType; now: Date }
): Promise<{ row: NewInvitationLinkRow; code: string }> {
  const { scope, now } = options
  const { code, stored } = await issueLinkCode(deps.keyring)
  const row: NewInvitationLinkRow = {
    id: crypto.randomUUID(),
    partnerId: scope.partner.id,
    kind: 'GENERAL',
    ownerUserId: scope.userId,
    tag: options.accountName,
    tagKey: linkTagKey(options.accountName),
    associationType: options.associationType,
    expiresAt: null,
    status: 'ACTIVE',
    ...stored,
    createdByUserId: scope.userId,
    createdAt: now,
    updatedAt: now,
  }
  return { row, code }
}

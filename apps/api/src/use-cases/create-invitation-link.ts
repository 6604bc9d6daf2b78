import { getUniqueViolation, UNIQUE_CONSTRAINTS } from '@partner-center/db/portable'
import { invitationLinks, type InvitationLinkRow } from '@partner-center/db/schema'
import { checkLinkTagFree, decideCustomLink, type AssociationType } from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { AppError } from '../errors'
import { actorOf } from '../partner-scope'
import { recordAudits } from '../persistence/audit'
import { loadLinkTagNamespace, lockLinkTag } from '../persistence/invitation-links'
import { toInvitationLinkItem } from '../presenters/invitation-link-item'
import { issueLinkCode } from '../security/link-codes'
import { linkAuditEntry } from './invitation-link-audit'
import { linkRefusal } from './link-errors'

/** Options of {@link createInvitationLink}. */
export interface CreateInvitationLinkOptions extends RequestMeta {
  scope: PartnerScope
  tag: string
  associationType?: AssociationType
  expiresInDays?: number
}

/**
 * `POST …/invitation-links` (R93, L2): the domain decides the tag, the type and the expiry in
 * R93's order; then, under the transaction lock on (partner, tag key), the namespace of R94 is
 * read and the link inserted, so two creations of one tag create one link and the other answers
 * `LINK_TAG_TAKEN` (the partial unique constraint answers the same if the lock were bypassed).
 * The new code is stored hashed and encrypted only; the answer carries no URL (R95).
 */
export async function createInvitationLink(deps: AppDeps, options: CreateInvitationLinkOptions) {
  const { scope } = options
  const now = deps.clock.now()
  const plan = decideCustomLink({ request: options, partner: scope.partner, now })
  if (!plan.ok) throw linkRefusal(plan.error)
  const { tag, tagKey, associationType, expiresAt } = plan.value
  let link: InvitationLinkRow
  try {
    link = await deps.db.transaction(async (tx) => {
      await lockLinkTag(tx, scope.partner.id, tagKey)
      const free = checkLinkTagFree(
        tagKey,
        await loadLinkTagNamespace(tx, scope.partner.id, tagKey)
      )
      if (!free.ok) throw linkRefusal(free.error)
      const { stored } = await issueLinkCode(deps.keyring)
      const [row] = await tx
        .insert(invitationLinks)
        .values({
          id: crypto.randomUUID(),
          partnerId: scope.partner.id,
          kind: 'CUSTOM',
          ownerUserId: null,
          tag,
          tagKey,
          associationType,
          expiresAt,
          status: 'ACTIVE',
          ...stored,
          createdByUserId: scope.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      if (!row) throw new Error('custom link: insert returned no row')
      const entries = [linkAuditEntry(scope, 'invitation_link.created', row)]
      await recordAudits(tx, { now, requestId: options.requestId, entries })
      return row
    })
  } catch (error) {
    if (getUniqueViolation(error) !== UNIQUE_CONSTRAINTS.invitationLinkTagKey) throw error
    throw AppError.of('LINK_TAG_TAKEN')
  }
  return toInvitationLinkItem({ link, creatorName: scope.displayName, actor: actorOf(scope), now })
}

import { type InvitationLinkStatus, linkTagKey, ownRowsCreator } from '@partner-center/domain'
import type { AppDeps, PartnerScope } from '../deps'
import { actorOf } from '../partner-scope'
import { findInvitationLinkPage } from '../persistence/invitation-link-page'
import { toInvitationLinkItem } from '../presenters/invitation-link-item'

/** Options of {@link findInvitationLinks}. */
export interface FindInvitationLinksOptions {
  scope: PartnerScope
  page: number
  pageSize: number
  /** The search text after NFKC and trimming (the schema's), 1–32 code points. */
  q?: string
  status?: InvitationLinkStatus[]
}

/**
 * One page of the custom links list (R95): the partner's custom links (an account manager's own
 * only, R90), newest first, filtered by effective status and by a substring of the tag key.
 * Items carry no code and no URL; a link's tag and counters are not customer data, so nothing is
 * masked and no read is audited.
 */
export async function findInvitationLinks(deps: AppDeps, options: FindInvitationLinksOptions) {
  const now = deps.clock.now()
  const { scope } = options
  const actor = actorOf(scope)
  const { rows, total } = await findInvitationLinkPage(deps.db, {
    partnerId: scope.partner.id,
    createdByUserId: ownRowsCreator(actor, 'custdev.view'),
    qKey: options.q === undefined ? undefined : linkTagKey(options.q),
    status: options.status,
    now,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  const items = rows.map((row) => toInvitationLinkItem({ ...row, actor, now }))
  return { items, total, page: options.page, pageSize: options.pageSize }
}

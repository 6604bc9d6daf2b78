import { ownRowsCreator } from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { actorOf } from '../partner-scope'
import { findLinkAssociationPage } from '../persistence/link-association-page'
import { recordListReads } from '../persistence/record-list-reads'
import { toLinkAssociationItem } from '../presenters/link-association-item'
import type { RevealColumn } from '../presenters/masked-contact'

/** Options of {@link findLinkAssociations}. */
export interface FindLinkAssociationsOptions extends RequestMeta {
  scope: PartnerScope
  page: number
  pageSize: number
  q?: string
  reveal?: RevealColumn[]
}

/**
 * One page of the customers associated through links (R98): the partner's `ACCEPTED` link rows
 * (an account manager's own links only, R90), newest first, masked unless revealed. A reveal
 * writes one `pii.revealed` event and a search by an email or a number one `pii.searched`
 * event, with this endpoint named (M7, M9a).
 */
export async function findLinkAssociations(deps: AppDeps, options: FindLinkAssociationsOptions) {
  const now = deps.clock.now()
  const { scope } = options
  const { rows, total } = await findLinkAssociationPage(deps.db, {
    partnerId: scope.partner.id,
    createdByUserId: ownRowsCreator(actorOf(scope), 'custdev.view'),
    q: options.q,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  const reveal = new Set(options.reveal ?? [])
  await recordListReads(deps.db, {
    scope,
    now,
    requestId: options.requestId,
    endpoint: 'GET /api/v1/customer-development/link-associations',
    reveal,
    q: options.q,
    rowIds: rows.map((row) => row.invitation.id),
    matched: total,
  })
  const items = rows.map((row) => toLinkAssociationItem(row, reveal))
  return { items, total, page: options.page, pageSize: options.pageSize }
}

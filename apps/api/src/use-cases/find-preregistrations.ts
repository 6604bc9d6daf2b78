import { ownRowsCreator } from '@partner-center/domain'
import type { InvitationRow } from '@partner-center/db/schema'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { actorOf } from '../partner-scope'
import { toPreregistrationItem } from '../presenters/preregistration-item'
import { findPreregistrationPage } from '../persistence/preregistration-page'
import { recordListReads } from '../persistence/record-list-reads'
import type { RevealColumn } from '../presenters/masked-contact'

interface LatestInvitationColumns {
  latestId: string | null
  latestStatus: InvitationRow['status'] | null
  latestSentAt: Date | null
  latestCreatedAt: Date | null
}

/** The row's latest invitation from the lateral join's columns, or null when it has none. */
function latestInvitationOf(columns: LatestInvitationColumns) {
  if (columns.latestId === null || columns.latestStatus === null || !columns.latestCreatedAt)
    return null
  return {
    id: columns.latestId,
    status: columns.latestStatus,
    sentAt: columns.latestSentAt,
    createdAt: columns.latestCreatedAt,
  }
}

/** Options of {@link findPreregistrations}. */
export interface FindPreregistrationsOptions extends RequestMeta {
  scope: PartnerScope
  page: number
  pageSize: number
  q?: string
  status?: string[]
  reveal?: RevealColumn[]
  /** An exact external reference (R122). */
  externalRef?: string
}

/**
 * One page of the partner's customer list (domain.md R35): newest first, deleted rows never,
 * account managers only their own rows, contacts masked unless revealed (§7). A reveal writes
 * exactly one `pii.revealed` event with the ids of the rows returned, even for an empty page (M7);
 * a search for an email or a number writes one `pii.searched` event (M9a).
 */
export async function findPreregistrations(deps: AppDeps, options: FindPreregistrationsOptions) {
  const now = deps.clock.now()
  const { rows, total } = await findPreregistrationPage(deps.db, {
    partnerId: options.scope.partner.id,
    createdByUserId: ownRowsCreator(actorOf(options.scope), 'custdev.view'),
    q: options.q,
    status: options.status,
    externalRef: options.externalRef,
    now,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })

  const ids = rows.map(({ row }) => row.id)
  const reveal = new Set(options.reveal ?? [])

  await recordListReads(deps.db, {
    scope: options.scope,
    now,
    requestId: options.requestId,
    endpoint: 'GET /api/v1/customer-development/preregistrations',
    reveal,
    q: options.q,
    rowIds: ids,
    matched: total,
  })

  // No rest destructuring here: it would copy every page row into one more object.
  const items = rows.map((pageRow) =>
    toPreregistrationItem({
      row: pageRow.row,
      creatorName: pageRow.creatorName,
      accountName: pageRow.accountName,
      latestInvitation: latestInvitationOf(pageRow),
      reveal,
      now,
    })
  )
  return { items, total, page: options.page, pageSize: options.pageSize }
}

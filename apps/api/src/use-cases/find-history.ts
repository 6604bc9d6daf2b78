import {
  HISTORY_FILTER_STATUSES,
  type HistoryFilter,
  type InvitationChannel,
  ownRowsCreator,
} from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { actorOf } from '../partner-scope'
import { findHistoryPage } from '../persistence/history-page'
import { recordListReads } from '../persistence/record-list-reads'
import { toHistoryItem } from '../presenters/history-item'
import type { RevealColumn } from '../presenters/masked-contact'

/** Options of {@link findHistory}. */
export interface FindHistoryOptions extends RequestMeta {
  scope: PartnerScope
  page: number
  pageSize: number
  q?: string
  status?: HistoryFilter[]
  /** R111: the sources to keep. */
  channel?: InvitationChannel[]
  reveal?: RevealColumn[]
  /** An exact external reference (R122). */
  externalRef?: string
  /** Language of labels and failure texts: the request's (R8). */
  locale: 'en' | 'zh-CN'
}

/**
 * `GET …/history`, History Records (R74): one row per invitation of the visible
 * pre-registrations, deleted ones included, newest first, searched and paged like the list,
 * filtered by label. Customer data is masked unless revealed; a reveal writes one `pii.revealed`
 * event (M7), a search for an email or a number one `pii.searched` event (M9a).
 */
export async function findHistory(deps: AppDeps, options: FindHistoryOptions) {
  const now = deps.clock.now()
  const { scope } = options
  const { rows, total } = await findHistoryPage(deps.db, {
    partnerId: scope.partner.id,
    createdByUserId: ownRowsCreator(actorOf(scope), 'custdev.history.view'),
    q: options.q,
    status: options.status?.flatMap((filter) => [...HISTORY_FILTER_STATUSES[filter]]),
    channel: options.channel,
    externalRef: options.externalRef,
    now,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  })
  const reveal = new Set(options.reveal ?? [])
  await recordListReads(deps.db, {
    scope,
    now,
    requestId: options.requestId,
    endpoint: 'GET /api/v1/customer-development/history',
    reveal,
    q: options.q,
    rowIds: rows.map((row) => row.invitation.id),
    matched: total,
  })
  const items = rows.map((row) => toHistoryItem(row, { reveal, now, locale: options.locale }))
  return { items, total, page: options.page, pageSize: options.pageSize }
}

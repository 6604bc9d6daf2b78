import type { Database } from '@partner-center/db/portable'
import { isPiiSearch, maskSearchText } from '@partner-center/domain'
import type { PartnerScope } from '../deps'
import type { RevealColumn } from '../presenters/masked-contact'
import { recordAudits, type AuditEntry } from './audit'

/** Options of {@link recordListReads}. */
export interface RecordListReadsOptions {
  scope: PartnerScope
  now: Date
  requestId: string
  /** The endpoint as `METHOD /path`, so the audit reader knows which list was read. */
  endpoint: string
  /** The columns the caller unmasked, possibly none. */
  reveal: ReadonlySet<RevealColumn>
  /** The search text as sent (already trimmed by the schema), if any. */
  q: string | undefined
  /** Ids of the rows the answer carries, possibly none. */
  rowIds: readonly string[]
  /** How many rows matched in all pages. */
  matched: number
}

/**
 * The audit of one page of a partner-facing list, in one insert:
 * - one `pii.revealed` event when columns were revealed (M7), naming the columns and the rows
 *   returned (even none);
 * - one `pii.searched` event for a search by an email or a number (M9a): a match confirms a masked
 *   value even though the answer stays masked. It holds the search text masked like a contact
 *   value (M2, M3), the rows returned and the match count.
 */
export async function recordListReads(db: Database, options: RecordListReadsOptions) {
  const { scope, endpoint } = options
  // A person, or an API key reading with its role (R142): the same events, the key as actor.
  const byPartnerUser = {
    actorType: scope.actorType,
    actorId: scope.userId,
    partnerId: scope.partner.id,
    entityType: 'partner',
    entityId: scope.partner.id,
  }
  const rowIds = [...options.rowIds]
  const entries: AuditEntry[] = []
  if (options.reveal.size > 0) {
    const columns = [...options.reveal].sort()
    entries.push({
      ...byPartnerUser,
      action: 'pii.revealed',
      details: { endpoint, columns, rowIds },
    })
  }
  if (options.q !== undefined && isPiiSearch(options.q)) {
    const q = maskSearchText(options.q)
    entries.push({
      ...byPartnerUser,
      action: 'pii.searched',
      details: { endpoint, q, rowIds, matched: options.matched },
    })
  }
  await recordAudits(db, { now: options.now, requestId: options.requestId, entries })
}

import type { Database } from '@partner-center/db'
import { isPiiSearch, maskSearchText } from '@partner-center/domain'
import type { PartnerScope } from '../deps'
import { recordAudits } from './audit'

/** Options of {@link recordPiiSearch}. */
export interface RecordPiiSearchOptions {
  scope: PartnerScope
  now: Date
  requestId: string
  /** The endpoint as `METHOD /path`, so the audit reader knows which list was searched. */
  endpoint: string
  /** The search text as sent (already trimmed by the schema), if any. */
  q: string | undefined
  /** Ids of the rows the answer carries, possibly none. */
  rowIds: readonly string[]
  /** How many rows matched in all pages. */
  matched: number
}

/**
 * Writes the one `pii.searched` event of a list or History search for an email or a number
 * (M9a): a match confirms a masked value even though the answer stays masked. The event holds
 * the search text masked like a contact value (M2, M3), the rows returned and the match count;
 * nothing for other searches.
 */
export async function recordPiiSearch(db: Database, options: RecordPiiSearchOptions) {
  if (options.q === undefined || !isPiiSearch(options.q)) return
  await recordAudits(db, {
    now: options.now,
    requestId: options.requestId,
    entries: [
      {
        action: 'pii.searched',
        actorType: 'partner_user',
        actorId: options.scope.userId,
        partnerId: options.scope.partner.id,
        entityType: 'partner',
        entityId: options.scope.partner.id,
        details: {
          endpoint: options.endpoint,
          q: maskSearchText(options.q),
          rowIds: [...options.rowIds],
          matched: options.matched,
        },
      },
    ],
  })
}

import type { PreregistrationSnapshot } from '../core/entities'
import type { IdentityKey } from '../identity/identity'
import { keysOverlap, preregistrationKeys } from '../identity/identity'

/**
 * A pre-registration as R109 reads it: the snapshot plus its `createdAt`, which orders them.
 *
 * @example
 * const row: AttributionCandidate = { ...preregistration, createdAt: new Date('2025-01-15T00:00:00Z') }
 */
export interface AttributionCandidate extends Pick<
  PreregistrationSnapshot,
  'id' | 'partnerId' | 'status' | 'emailCanonical' | 'mobileE164' | 'customerAccountId'
> {
  createdAt: Date
}

/**
 * The pre-registration a link association converts (R109, P9a): among `rows`, those of the
 * link's partner whose keys (R17) overlap the customer's, in any status except `DELETED` and
 * `CONVERTED`, the newest by `createdAt`; on equal `createdAt` the greatest `id` (string order),
 * so the choice does not depend on the order of `rows` (SQL: `ORDER BY created_at DESC, id DESC`).
 * Null when there is none: the caller then creates a `CONVERTED` row outside the quota (P9b).
 *
 * The excluded statuses are terminal and stored as such, so the effective status (R30) changes
 * nothing here and no `now` is needed. Another partner's rows are never chosen.
 *
 * @example
 * pickPreregistrationToConvert(rows, accountKeys(account), link.partnerId) // the newest overlapping row, or null
 */
export function pickPreregistrationToConvert<R extends AttributionCandidate>(
  rows: readonly R[],
  customerIdentityKeys: readonly IdentityKey[],
  partnerId: string
): R | null {
  let chosen: R | null = null
  for (const row of rows) {
    if (row.partnerId !== partnerId) continue
    if (row.status === 'DELETED' || row.status === 'CONVERTED') continue
    if (!keysOverlap(customerIdentityKeys, preregistrationKeys(row))) continue
    if (chosen === null || isNewer(row, chosen)) chosen = row
  }
  return chosen
}

function isNewer(a: AttributionCandidate, b: AttributionCandidate): boolean {
  const diff = a.createdAt.getTime() - b.createdAt.getTime()
  return diff !== 0 ? diff > 0 : a.id > b.id
}

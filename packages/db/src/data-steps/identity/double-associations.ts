/**
 * ACTIVE associations of one customer identity held by two or more accounts: a kept account and
 * the accounts the identity data step merged into it (`merged_into_id`). One row per association,
 * ordered by identity and association date; `identity_id` is the kept account. Plain SQL, so the
 * data step (on the migration transaction) and the API's admin endpoint read the same
 * definition. Groups with a single row are not double; callers keep groups of two or more.
 */
export const DOUBLE_ASSOCIATIONS_SQL = `
  select coalesce(c.merged_into_id, c.id) as identity_id, k.email_canonical as identity_email,
    a.id as association_id, a.partner_id, p.name as partner_name, a.customer_account_id,
    a.type, a.associated_at, (c.merged_into_id is not null) as merged_account
  from associations a
  join customer_accounts c on c.id = a.customer_account_id
  join customer_accounts k on k.id = coalesce(c.merged_into_id, c.id)
  join partners p on p.id = a.partner_id
  where a.status = 'ACTIVE'
    and (c.merged_into_id is not null
      or exists (select 1 from customer_accounts m where m.merged_into_id = c.id))
  order by identity_id, a.associated_at nulls last, a.id`

/** A row of {@link DOUBLE_ASSOCIATIONS_SQL}. */
export interface DoubleAssociationRow {
  identity_id: string
  /** Canonical email of the kept account; mask it before it leaves the server (§7). */
  identity_email: string
  association_id: string
  partner_id: string
  partner_name: string
  customer_account_id: string
  type: string
  associated_at: Date | string | null
  merged_account: boolean
}

/**
 * Groups the rows of {@link DOUBLE_ASSOCIATIONS_SQL} by identity and keeps the groups with two
 * or more ACTIVE associations, in the query's order.
 *
 * @example
 * groupDoubleAssociations(rows) // [{ identityId: 'kept account id', rows: [row1, row2] }]
 */
export function groupDoubleAssociations<T extends Pick<DoubleAssociationRow, 'identity_id'>>(
  rows: readonly T[]
): { identityId: string; rows: T[] }[] {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const id = String(row.identity_id)
    groups.set(id, [...(groups.get(id) ?? []), row])
  }
  return [...groups]
    .filter(([, members]) => members.length > 1)
    .map(([identityId, members]) => ({ identityId, rows: members }))
}

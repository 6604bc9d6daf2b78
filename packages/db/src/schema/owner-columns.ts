import { uuid } from 'drizzle-orm/pg-core'
import { partners } from './partners'
import { users } from './users'

// The two columns that make a row a partner's own (domain's `OwnedResource`): every partner query
// is scoped by the first (R9), and an account manager's `own` permissions by the second (§2.3).

/**
 * `partner_id`: the partner a row belongs to, required.
 *
 * @example
 * partnerId: partnerIdColumn()
 */
export function partnerIdColumn() {
  return uuid('partner_id')
    .notNull()
    .references(() => partners.id)
}

/**
 * `created_by_user_id`: the partner user who created the row, required.
 *
 * @example
 * createdByUserId: createdByUserIdColumn()
 */
export function createdByUserIdColumn() {
  return uuid('created_by_user_id')
    .notNull()
    .references(() => users.id)
}

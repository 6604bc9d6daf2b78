import {
  DOUBLE_ASSOCIATIONS_SQL,
  executeRows,
  groupDoubleAssociations,
  type DoubleAssociationRow,
} from '@partner-center/db/portable'
import { maskEmail, type AssociationType } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import type { AppDeps } from '../deps'

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

/**
 * `GET /api/v1/admin/double-associations` (issue 13): customer identities that the identity
 * data step found with two or more ACTIVE associations (one per merged account). They stay
 * ACTIVE; this list is how the ecosystem manager finds them. The email is masked (§7); partner
 * names are the ecosystem manager's to see, never a partner's.
 */
export async function findDoubleAssociations(deps: AppDeps) {
  const rows = await executeRows<DoubleAssociationRow & Record<string, unknown>>(
    deps.db,
    sql.raw(DOUBLE_ASSOCIATIONS_SQL)
  )
  return {
    items: groupDoubleAssociations(rows).map((group) => ({
      customerAccountId: group.identityId,
      email: maskEmail(group.rows[0]?.identity_email) ?? '',
      associations: group.rows.map((row) => ({
        id: row.association_id,
        partner: { id: row.partner_id, name: row.partner_name },
        customerAccountId: row.customer_account_id,
        mergedAccount: row.merged_account,
        type: row.type as AssociationType,
        associatedAt: isoOrNull(row.associated_at),
      })),
    })),
  }
}

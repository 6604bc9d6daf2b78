import { partners } from '@partner-center/db/schema'
import { asc } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { toAdminPartner } from '../presenters/admin-partner'

/** `GET /api/v1/admin/partners`: every partner with its contacts and capabilities (S13). */
export async function findPartners(deps: AppDeps) {
  const rows = await deps.db.select().from(partners).orderBy(asc(partners.name), asc(partners.id))
  return { items: rows.map(toAdminPartner) }
}

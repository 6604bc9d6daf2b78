import { partners, type PartnerRow } from '@partner-center/db/schema'
import { asc } from 'drizzle-orm'
import type { AppDeps } from '../deps'

/** A partner row as the admin endpoints answer it. */
export function toAdminPartner(row: PartnerRow) {
  return {
    id: row.id,
    name: row.name,
    contactEmail: row.contactEmail,
    contactMobile: row.contactMobile,
    defaultLocale: row.defaultLocale,
    customerDevelopmentEnabled: row.customerDevelopmentEnabled,
    referralModelEnabled: row.referralModelEnabled,
    isPrepaid: row.isPrepaid,
    preregistrationQuota: row.preregistrationQuota,
    dailyInviteCap: row.dailyInviteCap,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** `GET /api/v1/admin/partners`: every partner with its contacts and capabilities (S13). */
export async function findPartners(deps: AppDeps) {
  const rows = await deps.db.select().from(partners).orderBy(asc(partners.name), asc(partners.id))
  return { items: rows.map(toAdminPartner) }
}

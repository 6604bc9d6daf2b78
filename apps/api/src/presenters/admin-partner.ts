import type { PartnerRow } from '@partner-center/db/schema'

/** The partner's ecosystem manager contact as `GET /me` and the admin endpoints answer it. */
export function toEcosystemManager(
  row: Pick<PartnerRow, 'ecosystemManagerName' | 'ecosystemManagerEmail'>
) {
  return { name: row.ecosystemManagerName, email: row.ecosystemManagerEmail }
}

/** A partner row as the admin endpoints answer it. */
export function toAdminPartner(row: PartnerRow) {
  return {
    id: row.id,
    name: row.name,
    contactEmail: row.contactEmail,
    contactMobile: row.contactMobile,
    ecosystemManager: toEcosystemManager(row),
    defaultLocale: row.defaultLocale,
    customerDevelopmentEnabled: row.customerDevelopmentEnabled,
    referralModelEnabled: row.referralModelEnabled,
    isPrepaid: row.isPrepaid,
    preregistrationQuota: row.preregistrationQuota,
    dailyInviteCap: row.dailyInviteCap,
    updatedAt: row.updatedAt.toISOString(),
  }
}

import type { PartnerRow } from '@partner-center/db/schema'

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

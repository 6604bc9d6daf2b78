import type { PreRegistrationRow } from '@partner-center/db/schema'
import {
  effectivePreregistrationStatus,
  maskEmail,
  maskMobile,
  maskName,
} from '@partner-center/domain'

/** A review-queue row as the admin endpoints answer it; customer data masked (§7). */
export function toAdminPreregistration(
  row: PreRegistrationRow,
  partner: { id: string; name: string },
  now: Date
) {
  return {
    id: row.id,
    partner,
    customerName: maskName(row.customerName) ?? '',
    email: maskEmail(row.email),
    mobile: maskMobile(row.mobileE164),
    status: effectivePreregistrationStatus(row, now),
    reviewReason: row.reviewReason,
    reviewDeadline: row.reviewDeadline?.toISOString() ?? null,
    reviewNote: row.reviewNote,
    validUntil: row.validUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

import { maskEmail, maskMobile } from '@partner-center/domain'
import type { IdentityPlan, IdentityRows, RefusedValue } from './identity-rows'
import type { MergeOutcome } from './write-merges'

/** Options of {@link buildIdentityReport}. */
export interface IdentityReportOptions {
  rows: IdentityRows
  plan: IdentityPlan
  outcome: MergeOutcome
  doubleAssociations: { identityId: string; associationIds: string[] }[]
  auditEvents: number
}

function refusedValue(rows: IdentityRows, refused: RefusedValue): string | null {
  const find = <T extends { id: string }>(list: readonly T[]) =>
    list.find((r) => r.id === refused.id)
  if (refused.field === 'mobile') {
    const row =
      refused.table === 'customer_accounts'
        ? find(rows.customerAccounts)
        : find(rows.preregistrations)
    return maskMobile(row?.mobileE164)
  }
  switch (refused.table) {
    case 'pre_registrations':
      return maskEmail(find(rows.preregistrations)?.email)
    case 'invitations':
      return maskEmail(find(rows.invitations)?.recipientEmail)
    case 'customer_accounts':
      return maskEmail(find(rows.customerAccounts)?.email)
    case 'users':
      return maskEmail(find(rows.users)?.email)
  }
}

/**
 * The identity step's report, stored with the step and logged once: counts, ids and masked
 * values only (R77). It names both partners of a cross-partner merge by id, which is fine for
 * the operator reading it; nothing of it reaches a partner.
 */
export function buildIdentityReport(options: IdentityReportOptions): Record<string, unknown> {
  const { rows, plan, outcome } = options
  const sessions = (map: Map<string, string[]>, id: string) => map.get(id)?.length ?? 0
  return {
    scanned: {
      preregistrations: rows.preregistrations.length,
      invitations: rows.invitations.length,
      customerAccounts: rows.customerAccounts.length,
      users: rows.users.length,
    },
    canonicalised: {
      preregistrations: plan.preregistrations.changes.size,
      invitations: plan.invitations.changes.size,
      customerAccounts: plan.customerAccounts.changes.size,
      users: plan.users.changes.size,
    },
    refused: plan.refused.map((refused) => ({ ...refused, value: refusedValue(rows, refused) })),
    expiredPreregistrationIds: plan.preregistrations.expired.map((row) => row.id),
    mergedPreregistrations: plan.preregistrations.merged.map(({ row, kept }) => ({
      id: row.id,
      keptId: kept.id,
      partnerId: row.partnerId,
      keptPartnerId: kept.partnerId,
      email: maskEmail(
        plan.preregistrations.changes.get(row.id)?.emailCanonical ?? row.emailCanonical
      ),
      mobile: maskMobile(plan.preregistrations.changes.get(row.id)?.mobileE164 ?? row.mobileE164),
    })),
    revokedInvitationIds: outcome.revokedInvitationIds,
    expiredInvitationIds: outcome.expiredInvitationIds,
    cancelledOutboxIds: outcome.cancelledOutboxIds,
    mergedCustomerAccounts: plan.customerAccounts.merged.map(({ row, kept }) => ({
      id: row.id,
      keptId: kept.id,
      email: maskEmail(row.emailCanonical),
      revokedSessions: sessions(outcome.accountSessions, row.id),
    })),
    mergedUsers: plan.users.merged.map(({ row, kept }) => ({
      id: row.id,
      keptId: kept.id,
      email: maskEmail(row.emailCanonical),
      revokedSessions: sessions(outcome.userSessions, row.id),
    })),
    doubleAssociations: options.doubleAssociations,
    auditEvents: options.auditEvents,
  }
}

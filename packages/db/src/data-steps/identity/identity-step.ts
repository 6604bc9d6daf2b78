import type { DataStep } from '../data-step'
import { CURRENT_CANONICAL_FORMS } from './canonical-forms'
import {
  DOUBLE_ASSOCIATIONS_SQL,
  groupDoubleAssociations,
  type DoubleAssociationRow,
} from './double-associations'
import { buildIdentityReport } from './identity-report'
import { loadIdentityRows } from './load-identity-rows'
import { planIdentityStep } from './plan-identity-step'
import { recordStepAudits } from './step-audit'
import { writeCanonicalValues } from './write-canonical-values'
import { writeMerges } from './write-merges'

/**
 * Issue 13, item 1, existing data: re-canonicalises the emails and mobiles of pre-registrations,
 * invitations, customer accounts and users with the domain's current rules, without deleting a
 * row, in the migration transaction. Where two holding pre-registrations (any partners) become
 * one identity, the newer is EXPIRED with `closedReason = IDENTITY_MERGED` and its live
 * invitation REVOKED (`failureCode = IDENTITY_MERGED`); a newer duplicate customer account or
 * user takes `merged:{id}`, so it can no longer sign in, and its sessions are revoked. A second
 * ACTIVE association stays ACTIVE and is listed for the ecosystem manager. One audit event per
 * changed row.
 */
export const identityCanonicalStep: DataStep = {
  name: 'identity-canonical-forms',
  run: async ({ run, now }) => {
    const rows = await loadIdentityRows(run)
    const plan = planIdentityStep(rows, CURRENT_CANONICAL_FORMS, now)
    // Rows that give way leave the unique indexes before any canonical value moves.
    const outcome = await writeMerges(run, plan, now)
    const canonicalised = await writeCanonicalValues(run, rows, plan, now, outcome.audits)
    const audits = [...outcome.audits, ...canonicalised]
    await recordStepAudits(run, now, audits)
    const found = (await run(DOUBLE_ASSOCIATIONS_SQL)) as unknown as DoubleAssociationRow[]
    const doubles = groupDoubleAssociations(found).map((group) => ({
      identityId: group.identityId,
      associationIds: group.rows.map((row) => String(row.association_id)),
    }))
    return buildIdentityReport({
      rows,
      plan,
      outcome,
      doubleAssociations: doubles,
      auditEvents: audits.length,
    })
  },
}

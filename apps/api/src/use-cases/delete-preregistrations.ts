import { preRegistrations } from '@partner-center/db/schema'
import { decideBatchDeletion, decideDeletion } from '@partner-center/domain'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { toAppError } from '../errors'
import { actorOf } from '../partner-scope'
import { applyDeletion } from '../persistence/apply-deletion'

/** Options of {@link deletePreregistrations}. */
export interface DeletePreregistrationsOptions extends RequestMeta {
  scope: PartnerScope
  preregistrationIds: string[]
}

/**
 * Batch delete (R33): each distinct id decided on its own (deleted, or skipped with `NOT_FOUND` /
 * `PREREGISTRATION_NOT_DELETABLE`); the rows that pass commit together. Rows are locked in id
 * order, like invites, so concurrent requests never deadlock.
 */
export async function deletePreregistrations(
  deps: AppDeps,
  options: DeletePreregistrationsOptions
) {
  const now = deps.clock.now()
  const actor = actorOf(options.scope)
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(preRegistrations)
      .where(
        and(
          inArray(preRegistrations.id, [...new Set(options.preregistrationIds)]),
          eq(preRegistrations.partnerId, options.scope.partner.id)
        )
      )
      .orderBy(asc(preRegistrations.id))
      .for('update')
    const decided = decideBatchDeletion({ ids: options.preregistrationIds, rows, actor, now })
    if (!decided.ok) throw toAppError(decided.error)
    const results = []
    for (const outcome of decided.value) {
      const row = rows.find((r) => r.id === outcome.preregistrationId)
      const decision = row ? decideDeletion({ row, actor, now }) : null
      if (outcome.outcome !== 'DELETED' || !row || !decision?.ok) {
        results.push(row ? { ...outcome, externalRef: row.externalRef } : outcome)
        continue
      }
      const revokedInvitationId = await applyDeletion(tx, {
        ...options,
        row,
        deletion: decision.value,
        now,
      })
      results.push({ ...outcome, revokedInvitationId, externalRef: row.externalRef })
    }
    const deleted = results.filter((r) => r.outcome === 'DELETED').length
    return { requested: results.length, deleted, skipped: results.length - deleted, results }
  })
}

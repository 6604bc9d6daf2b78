import { preRegistrations } from '@partner-center/db/schema'
import { decideDeletion, isUuid } from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { AppError, toAppError } from '../errors'
import { actorOf } from '../partner-scope'
import { applyDeletion } from '../persistence/apply-deletion'

/** Options of {@link deletePreregistration}. */
export interface DeletePreregistrationOptions extends RequestMeta {
  scope: PartnerScope
  id: string
}

/**
 * `DELETE …/preregistrations/{id}` (R32): another partner's row, a colleague's row for an account
 * manager, a deleted row and a malformed id are all `NOT_FOUND` (R2); `CONVERTED` is
 * `PREREGISTRATION_NOT_DELETABLE`.
 */
export async function deletePreregistration(deps: AppDeps, options: DeletePreregistrationOptions) {
  if (!isUuid(options.id)) throw AppError.of('NOT_FOUND')
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(preRegistrations)
      .where(
        and(
          eq(preRegistrations.id, options.id),
          eq(preRegistrations.partnerId, options.scope.partner.id)
        )
      )
      .for('update')
    const decision = decideDeletion({ row: row ?? null, actor: actorOf(options.scope), now })
    if (!decision.ok || !row) throw toAppError(decision.ok ? { code: 'NOT_FOUND' } : decision.error)
    const revokedInvitationId = await applyDeletion(tx, {
      ...options,
      row,
      deletion: decision.value,
      now,
    })
    return {
      preregistrationId: row.id,
      outcome: 'DELETED' as const,
      revokedInvitationId,
      externalRef: row.externalRef,
    }
  })
}

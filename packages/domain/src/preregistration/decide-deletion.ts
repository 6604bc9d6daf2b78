import type { PreregistrationSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import { appliesFrom } from '../core/state-event'
import type { Actor } from '../permissions/permissions'
import { can } from '../permissions/permissions'
import { PREREGISTRATION_EVENTS } from './preregistration-events'

/**
 * The fields to write when a pre-registration is deleted (P10, R32). The caller also revokes the
 * live invitation (`transitionInvitation(…, { type: 'PREREGISTRATION_DELETED' }, now)`).
 *
 * @example
 * const change: PreregistrationDeletion = { status: 'DELETED', deletedAt: now, deletedByUserId: 'u1' }
 */
export interface PreregistrationDeletion {
  status: 'DELETED'
  deletedAt: Date
  deletedByUserId: string
}

/**
 * Decides deleting one pre-registration (P10, R32, R2): the from-states of
 * `PREREGISTRATION_EVENTS.DELETED` (any stored status but `CONVERTED` and `DELETED`, expired or
 * not) may be deleted. A missing row, another partner's row, a row outside an
 * account manager's own rows and a deleted row are all `NOT_FOUND`; `CONVERTED` is
 * `PREREGISTRATION_NOT_DELETABLE`.
 *
 * @example
 * decideDeletion({ row, actor, now }) // ok({ status: 'DELETED', deletedAt: now, deletedByUserId: actor.userId })
 */
export function decideDeletion(options: {
  row: Pick<PreregistrationSnapshot, 'partnerId' | 'createdByUserId' | 'status'> | null
  actor: Actor
  now: Date
}): Result<PreregistrationDeletion, DomainError> {
  const { row, actor, now } = options
  if (row === null || row.status === 'DELETED') return fail('NOT_FOUND')
  if (!can(actor, 'custdev.preregister.delete', row)) return fail('NOT_FOUND')
  if (!appliesFrom(PREREGISTRATION_EVENTS.DELETED, row.status)) {
    return fail('PREREGISTRATION_NOT_DELETABLE')
  }
  return ok({ status: 'DELETED', deletedAt: now, deletedByUserId: actor.userId })
}

/**
 * The outcome of one id of a batch delete (R33).
 *
 * @example
 * const outcome: DeletionOutcome = { preregistrationId: 'r1', outcome: 'SKIPPED', code: 'NOT_FOUND' }
 */
export type DeletionOutcome =
  | { preregistrationId: string; outcome: 'DELETED' }
  | {
      preregistrationId: string
      outcome: 'SKIPPED'
      code: 'NOT_FOUND' | 'PREREGISTRATION_NOT_DELETABLE'
    }

/**
 * Decides a batch delete (R33): 1–`DELETE_BATCH_MAX` ids (else `VALIDATION_FAILED`), duplicates
 * collapsed to their first occurrence, each id decided on its own, in request order.
 *
 * @example
 * decideBatchDeletion({ ids: ['r1', 'r1', 'r2'], rows, actor, now }) // ok([{ preregistrationId: 'r1', outcome: 'DELETED' }, …])
 */
export function decideBatchDeletion(options: {
  ids: readonly string[]
  rows: readonly Pick<PreregistrationSnapshot, 'id' | 'partnerId' | 'createdByUserId' | 'status'>[]
  actor: Actor
  now: Date
  limits?: Limits
}): Result<DeletionOutcome[], DomainError> {
  const { ids, rows, actor, now, limits = DEFAULT_LIMITS } = options
  if (ids.length === 0 || ids.length > limits.DELETE_BATCH_MAX) {
    return validationFailed([{ path: 'preregistrationIds', reason: 'COUNT' }])
  }
  return ok(
    [...new Set(ids)].map((id): DeletionOutcome => {
      const row = rows.find((r) => r.id === id) ?? null
      const decision = decideDeletion({ row, actor, now })
      if (decision.ok) return { preregistrationId: id, outcome: 'DELETED' }
      const code =
        decision.error.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'PREREGISTRATION_NOT_DELETABLE'
      return { preregistrationId: id, outcome: 'SKIPPED', code }
    })
  )
}

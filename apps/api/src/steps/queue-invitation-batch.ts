import type { Database } from '@partner-center/db/portable'
import {
  decideInvitationBatch,
  ok,
  type AssociationType,
  type DomainError,
  type Result,
} from '@partner-center/domain'
import type { AppDeps, PartnerScope } from '../deps'
import { actorOf } from '../partner-scope'
import { loadInvitationBatchSnapshot } from '../persistence/invitation-batch-snapshot'
import { writeInvitationBatch, type BatchResult } from '../persistence/invitation-batch-writes'
import { runIdempotent } from '../persistence/run-idempotent'

/** Options of {@link queueInvitationBatch}. */
export interface QueueInvitationBatchOptions {
  scope: PartnerScope
  /** As sent: duplicates are collapsed by the domain (R37). */
  preregistrationIds: readonly string[]
  associationType?: AssociationType
  kind: 'INVITE' | 'RESEND'
  now: Date
  requestId: string
  mailDomain: string
}

/** The 202 answer of invite and resend (R42). */
export interface InvitationBatchAnswer {
  batchId: string
  associationType: AssociationType
  requested: number
  queued: number
  skipped: number
  results: BatchResult[]
}

/**
 * The step invite and resend share (R36–R41, R44), in the caller's transaction: load the locked
 * rows and their snapshot, let the domain decide, write the decided batch. A request-level
 * refusal returns the failure and writes nothing.
 */
export async function queueInvitationBatch(
  tx: Database,
  options: QueueInvitationBatchOptions
): Promise<Result<InvitationBatchAnswer, DomainError>> {
  const { scope, now } = options
  const snapshot = await loadInvitationBatchSnapshot(tx, {
    partnerId: scope.partner.id,
    preregistrationIds: [...new Set(options.preregistrationIds)],
    dailyInviteCap: scope.partner.dailyInviteCap,
    now,
  })
  const decision = decideInvitationBatch({
    ...snapshot,
    preregistrationIds: options.preregistrationIds,
    associationType: options.associationType,
    kind: options.kind,
    partner: scope.partner,
    actor: actorOf(scope),
    now,
  })
  if (!decision.ok) return decision
  const { associationType, requested, queued, skipped } = decision.value
  const written = await writeInvitationBatch(tx, {
    ...options,
    decision: decision.value,
    preregistrations: snapshot.preregistrations,
    hadInvitation: new Set(Object.keys(snapshot.latestInvitationAt)),
  })
  return ok({
    batchId: written.batchId,
    associationType,
    requested,
    queued,
    skipped,
    results: written.results,
  })
}

/** Options of {@link queueBatchOnce}. */
export interface QueueBatchOnceOptions extends Omit<
  QueueInvitationBatchOptions,
  'now' | 'mailDomain'
> {
  /** The `Idempotency-Key` header, when sent. */
  idempotencyKey: string | undefined
  /** The request as the key's hash sees it (R43). */
  canonicalRequest: { method: string; path: string; body: unknown }
}

/**
 * Invite and resend as one idempotent transaction (R41, R43): {@link queueInvitationBatch}
 * behind the request's Idempotency-Key; the exact answer bytes, stored for replays.
 */
export function queueBatchOnce(deps: AppDeps, options: QueueBatchOnceOptions) {
  const { idempotencyKey, canonicalRequest, ...batch } = options
  return runIdempotent(deps, { scope: batch.scope, key: idempotencyKey, canonicalRequest }, (tx) =>
    queueInvitationBatch(tx, {
      ...batch,
      now: deps.clock.now(),
      mailDomain: deps.config.mailDomain,
    })
  )
}

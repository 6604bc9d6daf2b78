import type { Database } from '@partner-center/db/portable'
import { idempotencyKeys } from '@partner-center/db/schema'
import type { DomainError, Result } from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, PartnerScope } from '../deps'
import { AppError, toAppError } from '../errors'
import { hashToken } from '../security/tokens'

const KEY_TTL_MS = 24 * 3_600_000

/** A stored or fresh 202 answer: the exact bytes, so a replay is identical (R43). */
export interface StoredAnswer {
  status: number
  body: string
}

/** Options of {@link runIdempotent}. */
export interface RunIdempotentOptions {
  scope: PartnerScope
  /** The `Idempotency-Key` header, when sent. */
  key: string | undefined
  /** Method, path and canonical body of the request, hashed into the record. */
  canonicalRequest: { method: string; path: string; body: unknown }
}

/**
 * Runs `work` in one transaction behind an optional Idempotency-Key (R43). The key row is
 * inserted first, so a racing twin blocks on its primary key until this transaction ends, then
 * replays the committed answer byte for byte; a different request under the same key answers
 * 422 `IDEMPOTENCY_KEY_REUSED`. A request-level failure rolls the key back: only 202s are kept.
 */
export async function runIdempotent<T>(
  deps: AppDeps,
  options: RunIdempotentOptions,
  work: (tx: Database) => Promise<Result<T, DomainError>>
): Promise<StoredAnswer> {
  const now = deps.clock.now()
  const { method, path, body } = options.canonicalRequest
  const requestHash = options.key
    ? await hashToken(`${method} ${path}\n${JSON.stringify(body)}`)
    : null
  return deps.db.transaction(async (tx) => {
    const where = options.key
      ? and(
          eq(idempotencyKeys.partnerId, options.scope.partner.id),
          eq(idempotencyKeys.userId, options.scope.userId),
          eq(idempotencyKeys.key, options.key)
        )
      : undefined
    if (options.key && requestHash) {
      const replay = await claimKey(tx, { ...options, key: options.key, requestHash, now })
      if (replay) return replay
    }
    const result = await work(tx)
    if (!result.ok) throw toAppError(result.error)
    const answer = { status: 202, body: JSON.stringify(result.value) }
    if (where) {
      await tx
        .update(idempotencyKeys)
        .set({ responseStatus: answer.status, responseBody: answer.body })
        .where(where)
    }
    return answer
  })
}

async function claimKey(
  tx: Database,
  options: { scope: PartnerScope; key: string; requestHash: string; now: Date }
): Promise<StoredAnswer | null> {
  const { scope, key, requestHash, now } = options
  const fresh = { requestHash, createdAt: now, expiresAt: new Date(now.getTime() + KEY_TTL_MS) }
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ partnerId: scope.partner.id, userId: scope.userId, key, ...fresh })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  if (inserted.length > 0) return null
  const where = and(
    eq(idempotencyKeys.partnerId, scope.partner.id),
    eq(idempotencyKeys.userId, scope.userId),
    eq(idempotencyKeys.key, key)
  )
  const [stored] = await tx.select().from(idempotencyKeys).where(where).for('update')
  if (!stored) throw AppError.busy(1)
  if (stored.expiresAt <= now) {
    // A lapsed key is free again: this request takes it over.
    await tx
      .update(idempotencyKeys)
      .set({ ...fresh, responseStatus: null, responseBody: null })
      .where(where)
    return null
  }
  if (stored.requestHash !== requestHash) throw AppError.of('IDEMPOTENCY_KEY_REUSED')
  if (stored.responseStatus === null || stored.responseBody === null) {
    throw AppError.busy(1)
  }
  return { status: stored.responseStatus, body: stored.responseBody }
}

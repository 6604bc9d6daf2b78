import type { Database } from '@partner-center/db/portable'
import { rateLimitCounters } from '@partner-center/db/schema'
import { and, eq, sql } from 'drizzle-orm'

/** Options of {@link countInWindow} and {@link hitRateLimit}. */
export interface RateLimitWindowOptions {
  bucketKey: string
  windowSeconds: number
  now: Date
}

function windowStartOf(options: RateLimitWindowOptions): Date {
  const ms = options.windowSeconds * 1000
  return new Date(Math.floor(options.now.getTime() / ms) * ms)
}

/** Seconds until the current fixed window ends: the `Retry-After` of a refusal. */
export function secondsLeftInWindow(options: RateLimitWindowOptions): number {
  const end = windowStartOf(options).getTime() + options.windowSeconds * 1000
  return Math.max(1, Math.ceil((end - options.now.getTime()) / 1000))
}

/**
 * Adds one to a fixed-window counter in PostgreSQL and returns the new count. The counters live
 * in the database so several API processes share them (R59); one upsert is atomic.
 */
export async function hitRateLimit(db: Database, options: RateLimitWindowOptions): Promise<number> {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ bucketKey: options.bucketKey, windowStart: windowStartOf(options), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucketKey, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count })
  return row?.count ?? 1
}

/** The current count of a fixed-window counter without changing it. */
export async function countInWindow(
  db: Database,
  options: RateLimitWindowOptions
): Promise<number> {
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      and(
        eq(rateLimitCounters.bucketKey, options.bucketKey),
        eq(rateLimitCounters.windowStart, windowStartOf(options))
      )
    )
  return row?.count ?? 0
}

/**
 * Takes back one hit of a fixed-window counter (never below 0): for an attempt counted before
 * the outcome was known that turned out not to count (a successful sign-in).
 */
export async function refundRateLimit(
  db: Database,
  options: RateLimitWindowOptions
): Promise<void> {
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(
      and(
        eq(rateLimitCounters.bucketKey, options.bucketKey),
        eq(rateLimitCounters.windowStart, windowStartOf(options))
      )
    )
}

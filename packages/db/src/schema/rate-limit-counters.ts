import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns'
import { UNIQUE_CONSTRAINTS } from './constraints'

/**
 * Fixed-window rate-limit counters shared by every API process (R59). A bucket key names the
 * limit and subject (e.g. `public:203.0.113.7`, `sign-in:<canonical email>`).
 *
 * @example
 * await db.insert(rateLimitCounters).values({ bucketKey, windowStart, count: 1 })
 *   .onConflictDoUpdate({
 *     target: [rateLimitCounters.bucketKey, rateLimitCounters.windowStart],
 *     set: { count: sql`${rateLimitCounters.count} + 1` },
 *   })
 *   .returning({ count: rateLimitCounters.count })
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    bucketKey: text('bucket_key').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: UNIQUE_CONSTRAINTS.rateLimitCounter,
      columns: [t.bucketKey, t.windowStart],
    }),
    // Old windows are purged by start time.
    index('rate_limit_counters_window_idx').on(t.windowStart),
  ]
)

/** A row of {@link rateLimitCounters} as read. */
export type RateLimitCounterRow = typeof rateLimitCounters.$inferSelect
/** A row of {@link rateLimitCounters} as inserted. */
export type NewRateLimitCounterRow = typeof rateLimitCounters.$inferInsert

import type { Database } from '@partner-center/db/portable'
import { sql } from 'drizzle-orm'

/**
 * Takes transaction-scoped advisory locks on `keys` in sorted order (R28): every request locks in
 * the same global order, so two requests never wait on each other in a cycle. A hash collision
 * only serialises two unrelated requests; it never lets two related ones pass together.
 */
export async function lockKeys(tx: Database, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
  }
}

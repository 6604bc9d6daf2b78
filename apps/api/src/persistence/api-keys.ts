import type { Database } from '@partner-center/db/portable'
import { apiKeys, users, type ApiKeyRow } from '@partner-center/db/schema'
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm'
import { lockKeys } from './locks'

// API keys (domain.md §13.3.4): every query is scoped by the owner, a partner or the platform
// (`partnerId` null), so a partner's key is absent on an admin path and the reverse (R2).

/** The rows of one owner: a partner's keys, or the platform's. */
function ownedBy(partnerId: string | null): SQL {
  return partnerId === null ? isNull(apiKeys.partnerId) : eq(apiKeys.partnerId, partnerId)
}

/** A key row with its creator's display name, as the list shows it. */
export interface ApiKeyWithCreator {
  key: ApiKeyRow
  creatorName: string
}

/** Serialises the creations of one owner's keys, so the count of R139 holds under races. */
export async function lockOwnerApiKeys(tx: Database, partnerId: string | null): Promise<void> {
  await lockKeys(tx, [`api-keys:${partnerId ?? 'platform'}`])
}

/** How many `ACTIVE` keys the owner has (R139, R143: revoked keys do not count). */
export async function countActiveApiKeys(db: Database, partnerId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiKeys)
    .where(and(ownedBy(partnerId), eq(apiKeys.status, 'ACTIVE')))
  return row?.n ?? 0
}

/**
 * One page of the owner's keys, `ACTIVE` ones first and each group newest first, and how many
 * there are: revoked keys accumulate, and the pages read one page, which must hold every key
 * that still works (at most `apiKeysMax`).
 */
export async function findApiKeyPage(
  db: Database,
  options: { partnerId: string | null; limit: number; offset: number }
): Promise<{ rows: ApiKeyWithCreator[]; total: number }> {
  const scoped = ownedBy(options.partnerId)
  const rows = await db
    .select({ key: apiKeys, creatorName: users.displayName })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(scoped)
    .orderBy(desc(sql`${apiKeys.status} = 'ACTIVE'`), desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(options.limit)
    .offset(options.offset)
  const [total] = await db.select({ n: count() }).from(apiKeys).where(scoped)
  return { rows, total: total?.n ?? 0 }
}

/**
 * The owner's key `id` with its creator, locked for the revocation when `forUpdate`; another
 * partner's key, a platform key on a partner path or a partner key on an admin path is absent (R2).
 */
export async function findOwnedApiKey(
  db: Database,
  options: { partnerId: string | null; id: string; forUpdate?: boolean }
): Promise<ApiKeyWithCreator | undefined> {
  const query = db
    .select({ key: apiKeys, creatorName: users.displayName })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(and(eq(apiKeys.id, options.id), ownedBy(options.partnerId)))
    .limit(1)
  const [row] = options.forUpdate ? await query.for('update', { of: apiKeys }) : await query
  return row
}

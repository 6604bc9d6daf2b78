import { customerAccounts, users } from '@partner-center/db/schema'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'

/** Options of {@link rehashIfWeak}. */
export interface RehashOptions {
  /** Whose hash: a partner user (or the ecosystem manager) or a customer account. */
  kind: 'user' | 'customer'
  id: string
  /** The hash the password was just verified against. */
  stored: string
  /** The password that matched it. */
  password: string
}

/**
 * After a successful sign-in, replaces a hash made at a lower scrypt cost than the configured
 * one (architecture.md §5 Auth: the cost can rise). Conditional on the old hash, so a password
 * changed meanwhile is never overwritten.
 */
export async function rehashIfWeak(deps: AppDeps, options: RehashOptions): Promise<void> {
  if (!deps.passwords.needsRehash(options.stored)) return
  const passwordHash = await deps.passwords.hash(options.password)
  if (options.kind === 'user') {
    await deps.db
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, options.id), eq(users.passwordHash, options.stored)))
  } else {
    await deps.db
      .update(customerAccounts)
      .set({ passwordHash })
      .where(
        and(eq(customerAccounts.id, options.id), eq(customerAccounts.passwordHash, options.stored))
      )
  }
}

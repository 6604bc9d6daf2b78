import type { Database } from '@partner-center/db/portable'
import {
  accessTokens,
  customerAccounts,
  invitations,
  invitationTokens,
  users,
} from '@partner-center/db/schema'
import { DEMO_CREDENTIAL_IDS } from '@partner-center/db/seed'
import { and, inArray, isNull, ne, notLike, or, sql } from 'drizzle-orm'
import type { AppLogger } from '../logging/app-logger'
import { recordAudits, type AuditEntry } from '../persistence/audit'

/**
 * The stored password of a disabled demo customer account: not the `scrypt:` format, so no
 * password verifies against it.
 */
export const DISABLED_DEMO_PASSWORD_HASH = 'disabled:demo-seed'

// A disabled seeded token keeps its row (the invitation's delivery history) under a value that is
// not a SHA-256 hex, so no raw token hashes to it and the link no longer opens.
const DISABLED_TOKEN_PREFIX = 'disabled:'

/** What {@link disableDemoCredentials} disabled now (0 each on every later start). */
export interface DisabledDemoCredentials {
  users: number
  customerAccounts: number
  invitationTokens: number
}

/**
 * Run by every production process after migrating and before serving: disables the rows a
 * development run of the demo seed left in this database, since anyone can sign in with the
 * public demo password or derive the seeded links from the public default `SEED_TOKEN_SECRET`.
 * Seeded rows are recognised by their ids (`DEMO_CREDENTIAL_IDS`), whatever secret seeded them.
 * Demo users become `DISABLED`, demo customer accounts get a password hash nothing matches, the
 * sessions of both are revoked, and seeded invitation tokens stop resolving. One transaction,
 * one `system` audit event per disabled row; conditional updates make a second run (or another
 * process starting at the same time) disable and record nothing.
 *
 * @example
 * if (env.APP_ENV === 'production') await disableDemoCredentials(handle.db, { now, logger })
 */
export async function disableDemoCredentials(
  db: Database,
  options: { now: Date; logger: AppLogger }
): Promise<DisabledDemoCredentials> {
  const { now } = options
  const ids = DEMO_CREDENTIAL_IDS
  const result = await db.transaction(async (tx) => {
    const disabledUsers = await tx
      .update(users)
      .set({ status: 'DISABLED', updatedAt: now })
      .where(and(inArray(users.id, [...ids.users]), ne(users.status, 'DISABLED')))
      .returning({ id: users.id, partnerId: users.partnerId, role: users.role })
    const disabledAccounts = await tx
      .update(customerAccounts)
      .set({ passwordHash: DISABLED_DEMO_PASSWORD_HASH, updatedAt: now })
      .where(
        and(
          inArray(customerAccounts.id, [...ids.customerAccounts]),
          ne(customerAccounts.passwordHash, DISABLED_DEMO_PASSWORD_HASH)
        )
      )
      .returning({ id: customerAccounts.id })
    const disabledTokens = await tx
      .update(invitationTokens)
      .set({ tokenHash: sql`${DISABLED_TOKEN_PREFIX} || ${invitationTokens.id}` })
      .where(
        and(
          inArray(invitationTokens.id, [...ids.invitationTokens]),
          notLike(invitationTokens.tokenHash, `${DISABLED_TOKEN_PREFIX}%`)
        )
      )
      .returning({ id: invitationTokens.id, invitationId: invitationTokens.invitationId })
    await tx
      .update(accessTokens)
      .set({ revokedAt: now })
      .where(
        and(
          isNull(accessTokens.revokedAt),
          or(
            inArray(accessTokens.userId, [...ids.users]),
            inArray(accessTokens.customerAccountId, [...ids.customerAccounts])
          )
        )
      )
    const partnerOfInvitation = new Map<string, string>()
    if (disabledTokens.length > 0) {
      const rows = await tx
        .select({ id: invitations.id, partnerId: invitations.partnerId })
        .from(invitations)
        .where(
          inArray(
            invitations.id,
            disabledTokens.map((token) => token.invitationId)
          )
        )
      for (const row of rows) partnerOfInvitation.set(row.id, row.partnerId)
    }
    const system = { actorType: 'system', actorId: null } as const
    const details = { reason: 'demo_seed_in_production' }
    const entries: AuditEntry[] = [
      ...disabledUsers.map((user) => ({
        ...system,
        action: 'user.demo_disabled' as const,
        partnerId: user.partnerId,
        entityType: 'user',
        entityId: user.id,
        details: { ...details, role: user.role },
      })),
      ...disabledAccounts.map((account) => ({
        ...system,
        action: 'customer_account.demo_disabled' as const,
        partnerId: null,
        entityType: 'customer_account',
        entityId: account.id,
        details,
      })),
      ...disabledTokens.map((token) => ({
        ...system,
        action: 'invitation_token.demo_disabled' as const,
        partnerId: partnerOfInvitation.get(token.invitationId) ?? null,
        entityType: 'invitation_token',
        entityId: token.id,
        details: { ...details, invitationId: token.invitationId },
      })),
    ]
    await recordAudits(tx, { now, requestId: null, entries })
    return {
      users: disabledUsers.length,
      customerAccounts: disabledAccounts.length,
      invitationTokens: disabledTokens.length,
    }
  })
  if (result.users + result.customerAccounts + result.invitationTokens > 0) {
    options.logger.warn(
      result,
      'demo seed found in a production database: its credentials are disabled'
    )
  }
  return result
}

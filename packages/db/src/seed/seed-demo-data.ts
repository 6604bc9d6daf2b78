import type { PgTable } from 'drizzle-orm/pg-core'
import type { Database } from '../database'
import {
  associations,
  customerAccounts,
  invitationBatches,
  invitations,
  invitationTokens,
  partners,
  preRegistrations,
  users,
} from '../schema/index'
import { buildAssociationRows } from './demo-associations'
import { buildCustomerAccountRows } from './demo-customers'
import {
  buildInvitationBatchRows,
  buildInvitationRows,
  DEMO_INVITATIONS,
  tokenIssuedAt,
} from './demo-invitations'
import { buildPartnerRows, buildUserRows } from './demo-partners'
import { buildPreregistrationRows } from './demo-preregistrations'

/** Options of {@link seedDemoData}. */
export interface SeedDemoDataOptions {
  /** The reference instant T; every seeded time is an offset from it (domain.md §10). */
  now: Date
  /** The stored hash of `DEMO_PASSWORD`, computed by the caller (the API owns password hashing). */
  passwordHash: string
  /**
   * SHA-256 hex of the demo token of a seeded invitation, by its seed name (`P02-1`, …). The
   * caller derives the token by HMAC from `SEED_TOKEN_SECRET`; only the hash reaches the database.
   */
  tokenHashFor: (seedName: string) => string | Promise<string>
  /** Domain of `Message-ID`s (`MAIL_DOMAIN`); default `partner-center.local`. */
  mailDomain?: string
}

/** What {@link seedDemoData} wrote. */
export interface SeedDemoDataResult {
  /** Rows inserted by this call; 0 when the demo world was already there. */
  insertedRows: number
}

/**
 * Writes the demo world of domain.md §10 in one transaction: partners, users, customer accounts,
 * pre-registrations P01–P16, G01, U01, their invitations, batches and tokens, and the four
 * associations. Ids are `demoId(<fixed name>)`; every insert is "on conflict do nothing", so a
 * second run changes nothing, whatever its `now`. Seeded rows carry no audit events. The caller
 * must refuse to run it in production (APP_ENV).
 *
 * @example
 * await seedDemoData(db, {
 *   now: clock.now(),
 *   passwordHash: await hashPassword(DEMO_PASSWORD),
 *   tokenHashFor: (seedName) => sha256Hex(deriveDemoToken(env.SEED_TOKEN_SECRET, seedName)),
 *   mailDomain: env.MAIL_DOMAIN,
 * })
 */
export async function seedDemoData(
  db: Database,
  options: SeedDemoDataOptions
): Promise<SeedDemoDataResult> {
  const { now, passwordHash } = options
  const mailDomain = options.mailDomain ?? 'partner-center.local'
  const issuedAt = tokenIssuedAt(now)
  const tokenRows = await Promise.all(
    DEMO_INVITATIONS.flatMap(({ tokenId, invitationId, seedName }) =>
      tokenId ? [{ tokenId, invitationId, seedName }] : []
    ).map(async ({ tokenId, invitationId, seedName }) => ({
      id: tokenId,
      invitationId,
      tokenHash: await options.tokenHashFor(seedName),
      issuedAt: issuedAt.get(seedName) ?? now,
    }))
  )
  return db.transaction(async (tx) => {
    let insertedRows = 0
    // Parents before children, so every foreign key finds its row.
    const steps: [PgTable, Record<string, unknown>[]][] = [
      [partners, buildPartnerRows(now)],
      [users, buildUserRows(now, passwordHash)],
      [customerAccounts, buildCustomerAccountRows(now, passwordHash)],
      [preRegistrations, buildPreregistrationRows(now)],
      [invitationBatches, buildInvitationBatchRows(now)],
      [invitations, buildInvitationRows(now, mailDomain)],
      [invitationTokens, tokenRows],
      [associations, buildAssociationRows(now)],
    ]
    for (const [table, rows] of steps) {
      if (rows.length === 0) continue
      const inserted = await tx.insert(table).values(rows).onConflictDoNothing().returning()
      insertedRows += inserted.length
    }
    return { insertedRows }
  })
}

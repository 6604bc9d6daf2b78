import type { Database } from '@partner-center/db/portable'
import {
  pendingLinkRegistrations,
  type PendingLinkRegistrationRow,
} from '@partner-center/db/schema'
import { decideCodeConfirmation, type PendingRegistrationPurpose } from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import { AppError } from '../errors'
import { emailCodeMatches } from '../security/email-codes'
import type { Keyring } from '../security/keyring'

/** Options of {@link confirmEmailCode}. */
export interface ConfirmEmailCodeOptions {
  keyring: Keyring
  pendingRegistrationId: string
  emailCode: string
  /** The link the request came through: another link's row is unknown here. */
  linkId: string
  purpose: PendingRegistrationPurpose
  /** `VERIFY` only: the signed-in customer, whose own row it must be. */
  customerAccountId?: string
  now: Date
}

/** The outcome of a confirmation: the matched row, or the refusal to answer after committing. */
export type EmailCodeConfirmation = { matched: PendingLinkRegistrationRow } | { refused: AppError }

/**
 * Checks an email code inside the caller's transaction, in R104's order (the domain's
 * `decideCodeConfirmation`), with the row locked so concurrent confirmations count each try. A
 * wrong code is written here (tries + 1, the fifth voids the row) as a conditional update on the
 * tries read; the caller commits it and then answers the refusal.
 */
export async function confirmEmailCode(
  tx: Database,
  options: ConfirmEmailCodeOptions
): Promise<EmailCodeConfirmation> {
  const [row] = await tx
    .select()
    .from(pendingLinkRegistrations)
    .where(eq(pendingLinkRegistrations.id, options.pendingRegistrationId))
    .for('update')
  const pending =
    row?.linkId === options.linkId &&
    row.purpose === options.purpose &&
    (options.customerAccountId === undefined || row.customerAccountId === options.customerAccountId)
      ? row
      : null
  const codeMatches =
    pending !== null &&
    (await emailCodeMatches(options.keyring, {
      pendingId: pending.id,
      code: options.emailCode,
      codeHash: pending.codeHash,
    }))
  const decision = decideCodeConfirmation({ now: options.now, pending, codeMatches })
  if (decision.write && pending) {
    await tx
      .update(pendingLinkRegistrations)
      .set(decision.write)
      .where(
        and(
          eq(pendingLinkRegistrations.id, pending.id),
          eq(pendingLinkRegistrations.tries, pending.tries)
        )
      )
  }
  if (!decision.result.ok) {
    const error = decision.result.error
    return { refused: AppError.of(error.code, 'details' in error ? error.details : undefined) }
  }
  return { matched: pending! }
}

/** Marks a matched pending row `CONFIRMED` (R104, R105): its code works no more. */
export async function markPendingConfirmed(tx: Database, pendingId: string): Promise<void> {
  await tx
    .update(pendingLinkRegistrations)
    .set({ status: 'CONFIRMED' })
    .where(eq(pendingLinkRegistrations.id, pendingId))
}

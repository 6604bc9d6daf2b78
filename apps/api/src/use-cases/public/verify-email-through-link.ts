import { customerAccounts } from '@partner-center/db/schema'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import { recordAudits } from '../../persistence/audit'
import { confirmEmailCode, markPendingConfirmed } from '../../persistence/email-code-confirmation'
import { openLinkOrThrow } from '../../persistence/invitation-link-by-code'

/** Options of {@link verifyEmailThroughLink} (domain.md R105). */
export interface VerifyEmailThroughLinkOptions {
  code: string
  pendingRegistrationId: string
  emailCode: string
  customerAccountId: string | null
  requestId: string
}

/**
 * `POST …/public/invitation-links/verify-email`: a signed-in customer confirms the code sent to
 * their own address (R105), checked as R104; on a match the account's `emailVerified` becomes
 * true (audit `customer_account.email_verified` when it changes). Answers the customer.
 */
export async function verifyEmailThroughLink(
  deps: AppDeps,
  options: VerifyEmailThroughLinkOptions
) {
  if (!options.customerAccountId) throw AppError.of('NOT_AUTHENTICATED')
  const customerAccountId = options.customerAccountId
  const outcome = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const { found } = await openLinkOrThrow(tx, { code: options.code, now, lock: 'share' })
    const confirmation = await confirmEmailCode(tx, {
      keyring: deps.keyring,
      pendingRegistrationId: options.pendingRegistrationId,
      emailCode: options.emailCode,
      linkId: found.link.id,
      purpose: 'VERIFY',
      customerAccountId,
      now,
    })
    if ('refused' in confirmation) return confirmation
    await markPendingConfirmed(tx, confirmation.matched.id)
    const changed = await tx
      .update(customerAccounts)
      .set({ emailVerified: true, updatedAt: now })
      .where(
        and(eq(customerAccounts.id, customerAccountId), eq(customerAccounts.emailVerified, false))
      )
      .returning({ id: customerAccounts.id })
    if (changed.length > 0) {
      await recordAudits(tx, {
        now,
        requestId: options.requestId,
        entries: [
          {
            action: 'customer_account.email_verified',
            actorType: 'customer',
            actorId: customerAccountId,
            partnerId: found.link.partnerId,
            entityType: 'customer_account',
            entityId: customerAccountId,
            details: { linkId: found.link.id },
          },
        ],
      })
    }
    const [account] = await tx
      .select()
      .from(customerAccounts)
      .where(eq(customerAccounts.id, customerAccountId))
    if (!account) throw AppError.of('NOT_AUTHENTICATED')
    return {
      me: {
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        emailVerified: account.emailVerified,
      },
    }
  })
  if ('refused' in outcome) throw outcome.refused
  return outcome.me
}

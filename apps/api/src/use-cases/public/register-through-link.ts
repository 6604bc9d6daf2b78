import { getUniqueViolation, UNIQUE_CONSTRAINTS } from '@partner-center/db/portable'
import { customerAccounts, invitationLinks } from '@partner-center/db/schema'
import { linkChannelOf } from '@partner-center/domain'
import { eq, sql } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import { issueCustomerSession } from '../../persistence/access-tokens'
import { recordAudits } from '../../persistence/audit'
import { confirmEmailCode, markPendingConfirmed } from '../../persistence/email-code-confirmation'
import { openLinkOrThrow } from '../../persistence/invitation-link-by-code'

/** Options of {@link registerThroughLink} (domain.md R104). */
export interface RegisterThroughLinkOptions {
  code: string
  pendingRegistrationId: string
  emailCode: string
  requestId: string
}

const mobileTaken = () =>
  AppError.of('VALIDATION_FAILED', {
    issues: [{ path: 'mobile', message: 'This mobile number is already used by another account.' }],
  })

/**
 * `POST …/public/invitation-links/register`: confirms the emailed code and, in one transaction
 * under the link's row lock (`FOR NO KEY UPDATE`, R113), creates the account from the pending row (`registeredVia = LINK`,
 * `emailVerified`), counts the registration on the link and signs the customer in (R104, R79).
 * An account with the address → `ACCOUNT_EXISTS` (the code proved the mailbox; the row is spent);
 * a used mobile → `VALIDATION_FAILED` and the row stays usable. It does not accept.
 */
export async function registerThroughLink(deps: AppDeps, options: RegisterThroughLinkOptions) {
  let outcome: { refused: AppError } | { session: Awaited<ReturnType<typeof issueCustomerSession>> }
  try {
    outcome = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now()
      const { found } = await openLinkOrThrow(tx, { code: options.code, now, lock: 'counter' })
      const confirmation = await confirmEmailCode(tx, {
        keyring: deps.keyring,
        pendingRegistrationId: options.pendingRegistrationId,
        emailCode: options.emailCode,
        linkId: found.link.id,
        purpose: 'REGISTER',
        now,
      })
      // A wrong code's tries are committed, then refused.
      if ('refused' in confirmation) return confirmation
      const pending = confirmation.matched
      const [existing] = await tx
        .select({ id: customerAccounts.id })
        .from(customerAccounts)
        .where(eq(customerAccounts.emailCanonical, pending.emailCanonical))
        .limit(1)
      if (existing) {
        await markPendingConfirmed(tx, pending.id)
        return { refused: AppError.of('ACCOUNT_EXISTS') }
      }
      if (pending.mobileE164 !== null) {
        const [holder] = await tx
          .select({ id: customerAccounts.id })
          .from(customerAccounts)
          .where(eq(customerAccounts.mobileE164, pending.mobileE164))
          .limit(1)
        if (holder) throw mobileTaken()
      }
      const [account] = await tx
        .insert(customerAccounts)
        .values({
          email: pending.emailCanonical,
          emailCanonical: pending.emailCanonical,
          mobileE164: pending.mobileE164,
          displayName: pending.displayName ?? '',
          passwordHash: pending.passwordHash ?? '',
          registeredAt: now,
          registeredVia: 'LINK',
          emailVerified: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      if (!account) throw new Error('insert returned no row')
      await markPendingConfirmed(tx, pending.id)
      await tx
        .update(invitationLinks)
        .set({ registrationCount: sql`${invitationLinks.registrationCount} + 1` })
        .where(eq(invitationLinks.id, found.link.id))
      await recordAudits(tx, {
        now,
        requestId: options.requestId,
        entries: [
          {
            action: 'customer_account.registered',
            actorType: 'link_holder',
            actorId: null,
            partnerId: found.link.partnerId,
            entityType: 'customer_account',
            entityId: account.id,
            details: { linkId: found.link.id, channel: linkChannelOf(found.link.kind) },
          },
        ],
      })
      return { session: await issueCustomerSession(deps, tx, account) }
    })
  } catch (error) {
    // A registration of the same address or mobile committed first (R104): the unique
    // constraints decide, and the later insert answers as the checks above would have.
    const violated = getUniqueViolation(error)
    if (violated === UNIQUE_CONSTRAINTS.customerAccountEmail) throw AppError.of('ACCOUNT_EXISTS')
    if (violated === UNIQUE_CONSTRAINTS.customerAccountMobile) throw mobileTaken()
    throw error
  }
  if ('refused' in outcome) throw outcome.refused
  return outcome.session
}

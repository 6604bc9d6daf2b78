import { getUniqueViolation, UNIQUE_CONSTRAINTS } from '@partner-center/db/portable'
import { customerAccounts } from '@partner-center/db/schema'
import { resolveLinkAnswer, validateCustomerName } from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import { recordAudits } from '../../persistence/audit'
import { issueCustomerSession } from '../../persistence/access-tokens'
import { findInvitationByToken, linkError } from '../../persistence/invitation-by-token'

/** Options of {@link registerCustomer} (domain.md R61). */
export interface RegisterCustomerOptions {
  token: string
  displayName: string
  password: string
  mobile?: string
  requestId: string
}

function invalid(path: string, message: string): AppError {
  return AppError.of('VALIDATION_FAILED', { issues: [{ path, message }] })
}

/**
 * Creates a customer account through a live link with the invited email (it cannot be supplied:
 * the link proves the address), signs the customer in, and does not accept (R61).
 */
export async function registerCustomer(deps: AppDeps, options: RegisterCustomerOptions) {
  const now = deps.clock.now()
  const opened = await findInvitationByToken(deps.db, { token: options.token })
  const answer = resolveLinkAnswer(opened?.invitation ?? null, now)
  if (!opened || !answer.ok)
    throw linkError(answer.ok ? 'LINK_NOT_FOUND' : answer.error.code, opened)

  const name = validateCustomerName(options.displayName)
  if (!name.ok) throw invalid('displayName', 'Enter a name of 1 to 100 characters.')
  let mobile: string | null = null
  if (options.mobile) {
    const parsed = normalizeMobile(options.mobile)
    if (!parsed.ok) throw invalid('mobile', 'Enter the mobile number with its country code.')
    mobile = parsed.value
  }
  const { invitation } = opened
  const [existing] = await deps.db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(eq(customerAccounts.emailCanonical, invitation.recipientEmailCanonical))
    .limit(1)
  if (existing) throw AppError.of('ACCOUNT_EXISTS')

  const passwordHash = await deps.passwords.hash(options.password)
  try {
    return await deps.db.transaction(async (tx) => {
      const [account] = await tx
        .insert(customerAccounts)
        .values({
          email: invitation.recipientEmail,
          emailCanonical: invitation.recipientEmailCanonical,
          mobileE164: mobile,
          displayName: name.value,
          passwordHash,
          registeredAt: now,
          registeredVia: 'INVITATION',
          emailVerified: true,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      if (!account) throw new Error('insert returned no row')
      await recordAudits(tx, {
        now,
        requestId: options.requestId,
        entries: [
          {
            action: 'customer_account.registered',
            actorType: 'link_holder',
            actorId: null,
            partnerId: invitation.partnerId,
            entityType: 'customer_account',
            entityId: account.id,
            details: { invitationId: invitation.id },
          },
        ],
      })
      return issueCustomerSession(deps, tx, account)
    })
  } catch (error) {
    // Two registrations racing for one address, or a mobile already in use (R61).
    const violated = getUniqueViolation(error)
    if (violated === UNIQUE_CONSTRAINTS.customerAccountEmail) throw AppError.of('ACCOUNT_EXISTS')
    if (violated === UNIQUE_CONSTRAINTS.customerAccountMobile) {
      throw invalid('mobile', 'This mobile number is already used by another account.')
    }
    throw error
  }
}

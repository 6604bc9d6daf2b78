import { customerAccounts } from '@partner-center/db/schema'
import { normalizeEmail, validateCustomerName, type Locale } from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError, fieldValidationError } from '../../errors'
import { writeEmailCodeRequest } from '../../persistence/email-code-requests'
import { openLinkOrThrow } from '../../persistence/invitation-link-by-code'
import { emailCodeLimitBucket } from '../../security/email-codes'

/** Options of {@link requestLinkRegistrationCode} (domain.md R101). */
export interface RequestLinkRegistrationCodeOptions {
  code: string
  email: string
  displayName: string
  password: string
  mobile?: string
  locale: Locale
}

function invalid(path: string, message: string): AppError {
  return AppError.of('VALIDATION_FAILED', { issues: [{ path, message }] })
}

/**
 * `POST …/public/invitation-links/register/code`: starts a registration through a link (R101).
 * Whatever the address, the password is hashed, the pending row and its `EMAIL_CODE` outbox row
 * are written and the answer is the same 202 (R103): whether an account has the address is
 * decided by the dispatcher at send time, and told only in the email. Nothing else is created.
 */
export async function requestLinkRegistrationCode(
  deps: AppDeps,
  options: RequestLinkRegistrationCodeOptions
) {
  await openLinkOrThrow(deps.db, { code: options.code, now: deps.clock.now() })
  const email = normalizeEmail(options.email)
  if (!email.ok) throw fieldValidationError(email.error)
  const name = validateCustomerName(options.displayName)
  if (!name.ok) throw invalid('displayName', 'Enter a name of 1 to 100 characters.')
  let mobile: string | null = null
  if (options.mobile) {
    const parsed = normalizeMobile(options.mobile)
    if (!parsed.ok) throw invalid('mobile', 'Enter the mobile number with its country code.')
    mobile = parsed.value
  }
  // Hashed before anything reads the address, so both answers take the same work (R103).
  const passwordHash = await deps.passwords.hash(options.password)
  const bucketKey = await emailCodeLimitBucket(deps.keyring, email.value)
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    // Under the link's FOR SHARE (R113): a reset or disable either waits for this request or
    // is seen by it, and then nothing is written.
    const { found } = await openLinkOrThrow(tx, { code: options.code, now, lock: 'share' })
    return writeEmailCodeRequest(tx, {
      bucketKey,
      now,
      row: {
        purpose: 'REGISTER',
        linkId: found.link.id,
        emailCanonical: email.value,
        customerAccountId: null,
        displayName: name.value,
        mobileE164: mobile,
        passwordHash,
        locale: options.locale,
      },
    })
  })
}

/**
 * `POST …/public/invitation-links/verify-email/code`: a signed-in customer asks for a code to
 * their own address (R105), with R102's limits and R101's answer. The address always has an
 * account, so the email is always the code email.
 */
export async function requestLinkEmailVerificationCode(
  deps: AppDeps,
  options: { code: string; locale: Locale; customerAccountId: string | null }
) {
  if (!options.customerAccountId) throw AppError.of('NOT_AUTHENTICATED')
  const customerAccountId = options.customerAccountId
  await openLinkOrThrow(deps.db, { code: options.code, now: deps.clock.now() })
  const [account] = await deps.db
    .select({ emailCanonical: customerAccounts.emailCanonical })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, customerAccountId))
    .limit(1)
  if (!account) throw AppError.of('NOT_AUTHENTICATED')
  const bucketKey = await emailCodeLimitBucket(deps.keyring, account.emailCanonical)
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now()
    const { found } = await openLinkOrThrow(tx, { code: options.code, now, lock: 'share' })
    return writeEmailCodeRequest(tx, {
      bucketKey,
      now,
      row: {
        purpose: 'VERIFY',
        linkId: found.link.id,
        emailCanonical: account.emailCanonical,
        customerAccountId,
        displayName: null,
        mobileE164: null,
        passwordHash: null,
        locale: options.locale,
      },
    })
  })
}

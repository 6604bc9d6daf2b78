import type {
  CustomerAccountSnapshot,
  PartnerSnapshot,
  PreregistrationSnapshot,
} from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { Locale } from '../core/locale'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import { addDays } from '../core/time'
import type { IdentityKey } from '../identity/identity'
import {
  keysOverlap,
  preregistrationKeys,
  requestKeys,
  resolveIdentity,
} from '../identity/identity'
import type { Actor } from '../permissions/permissions'
import { can } from '../permissions/permissions'
import { isAccountTooOldOrHasSpend } from './account-checks'
import type { ValidPreregistrationInput } from './preregistration-input'
import { isHoldingPreregistration, protectedUntil } from './preregistration-status'

/**
 * Everything `decidePreregistration` needs: the request, the partner, and a snapshot the API
 * loaded under the key locks of R28. Holding-row lists may contain rows of any status and partner:
 * the rule re-derives effective status and ownership itself.
 *
 * @example
 * const options: DecidePreregistrationOptions = { input, partner, holdingCount: 9, ownHoldingRows: [], otherPartnersHoldingRows: [], resolvedAccounts: [], activeAssociationAccountIds: [], now }
 */
export interface DecidePreregistrationOptions {
  /** The request as `validatePreregistrationInput` answered it (R19 comes first, before locks). */
  input: ValidPreregistrationInput
  partner: Pick<
    PartnerSnapshot,
    'id' | 'contactEmail' | 'contactMobile' | 'preregistrationQuota' | 'defaultLocale'
  >
  /** Number of the partner's holding pre-registrations at `now` (R21). */
  holdingCount: number
  ownHoldingRows: readonly PreregistrationSnapshot[]
  otherPartnersHoldingRows: readonly PreregistrationSnapshot[]
  /** Accounts whose canonical email or mobile matches the request (R18). */
  resolvedAccounts: readonly CustomerAccountSnapshot[]
  /** Ids of accounts that have an `ACTIVE` association with any partner. */
  activeAssociationAccountIds: readonly string[]
  /** When given, `ALREADY_PREREGISTERED` carries the row id only if this actor may see it (R22). */
  actor?: Actor
  now: Date
  limits?: Limits
}

/**
 * The pre-registration row to insert (P1 or P2).
 *
 * @example
 * const created: PreregistrationToCreate = result.value
 */
export interface PreregistrationToCreate {
  status: 'PRE_REGISTERED' | 'PENDING_REVIEW'
  customerName: string
  email: string | null
  emailCanonical: string | null
  mobileE164: string | null
  locale: Locale
  customerAccountId: string | null
  validFrom: Date | null
  validUntil: Date | null
  reviewReason: 'ACCOUNT_TOO_OLD_OR_HAS_SPEND' | null
  reviewDeadline: Date | null
  ageSpendWaived: false
  /** The partner's own identifier (R122), or null. */
  externalRef: string | null
  /** Sorted identity keys of the request, the order in which to take locks (R28). */
  identityKeys: IdentityKey[]
}

/**
 * Decides a pre-registration (P1–P3) with the checks in the order of §5.4:
 * (R19 input, validated before) R20 `PARTNER_CONTACT_MISSING` → R21 `QUOTA_EXCEEDED` → R18 `IDENTITY_AMBIGUOUS` →
 * R22 `ALREADY_PREREGISTERED` → R23 `PREREGISTERED_BY_ANOTHER_PARTNER` (with `protectedUntil`) →
 * R24 `CUSTOMER_IS_PARTNER`, `ALREADY_ASSOCIATED`, `SPECIAL_CONTRACT` → R25 `PENDING_REVIEW` or
 * R26 `PRE_REGISTERED`. A failure stores nothing (R27).
 *
 * @example
 * const input = validatePreregistrationInput(body, { normalizeMobile })
 * if (!input.ok) return input
 * const result = decidePreregistration({ input: input.value, partner, holdingCount: 0, ownHoldingRows: [], otherPartnersHoldingRows: [], resolvedAccounts: [], activeAssociationAccountIds: [], now })
 * if (result.ok) result.value.status // 'PRE_REGISTERED'
 */
export function decidePreregistration(
  options: DecidePreregistrationOptions
): Result<PreregistrationToCreate, DomainError> {
  const { partner, now, limits = DEFAULT_LIMITS } = options
  const { input } = options
  const { customerName, email, emailCanonical, mobileE164 } = input
  if (!partner.contactEmail && !partner.contactMobile) return fail('PARTNER_CONTACT_MISSING')
  if (options.holdingCount >= partner.preregistrationQuota) {
    return fail('QUOTA_EXCEEDED', { quota: partner.preregistrationQuota })
  }
  const resolved = resolveIdentity({
    emailCanonical,
    mobileE164,
    accounts: options.resolvedAccounts,
  })
  if (!resolved.ok) return resolved
  const account = resolved.value
  const keys = requestKeys({ emailCanonical, mobileE164, accounts: account ? [account] : [] })
  const overlapping = [...options.ownHoldingRows, ...options.otherPartnersHoldingRows].filter(
    (row) => isHoldingPreregistration(row, now) && keysOverlap(keys, preregistrationKeys(row))
  )
  const own = overlapping.find((row) => row.partnerId === partner.id)
  if (own) {
    const visible = options.actor !== undefined && can(options.actor, 'custdev.view', own)
    return fail('ALREADY_PREREGISTERED', visible ? { preregistrationId: own.id } : undefined)
  }
  if (overlapping.length > 0) {
    return fail('PREREGISTERED_BY_ANOTHER_PARTNER', {
      protectedUntil: latestProtection(overlapping)?.toISOString() ?? null,
    })
  }
  if (account?.isPartner) return fail('CUSTOMER_IS_PARTNER')
  if (account && options.activeAssociationAccountIds.includes(account.id)) {
    return fail('ALREADY_ASSOCIATED')
  }
  if (account?.hasSpecialContract) return fail('SPECIAL_CONTRACT')
  const review = account !== null && isAccountTooOldOrHasSpend(account, now, limits)
  return ok({
    status: review ? 'PENDING_REVIEW' : 'PRE_REGISTERED',
    customerName,
    email,
    emailCanonical,
    mobileE164,
    locale: input.locale ?? partner.defaultLocale ?? 'en',
    customerAccountId: account?.id ?? null,
    validFrom: review ? null : now,
    validUntil: review ? null : addDays(now, limits.PREREG_VALIDITY_DAYS),
    reviewReason: review ? 'ACCOUNT_TOO_OLD_OR_HAS_SPEND' : null,
    reviewDeadline: review ? addDays(now, limits.PREREG_REVIEW_TIMEOUT_DAYS) : null,
    ageSpendWaived: false,
    externalRef: input.externalRef,
    identityKeys: keys,
  })
}

/**
 * The latest protection end among rows (R23 `protectedUntil`).
 *
 * @example
 * latestProtection([rowUntilJan10, rowUntilJan12]) // Jan 12
 */
export function latestProtection(
  rows: readonly Pick<PreregistrationSnapshot, 'status' | 'validUntil' | 'reviewDeadline'>[]
): Date | null {
  let latest: Date | null = null
  for (const row of rows) {
    const until = protectedUntil(row)
    if (until !== null && (latest === null || until > latest)) latest = until
  }
  return latest
}

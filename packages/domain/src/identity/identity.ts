import type { CustomerAccountSnapshot } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'

/**
 * One identity key (R17), tagged by kind so an email never matches a mobile or an account id.
 *
 * @example
 * const key: IdentityKey = 'email:new.alpha@customer.example'
 */
export type IdentityKey = `email:${string}` | `mobile:${string}` | `account:${string}`

/**
 * The identity fields of a pre-registration, stored or requested.
 *
 * @example
 * const identity: IdentityFields = { emailCanonical: 'a@b.example', mobileE164: null, customerAccountId: null }
 */
export interface IdentityFields {
  emailCanonical: string | null
  mobileE164: string | null
  customerAccountId: string | null
}

/**
 * Keys of a stored pre-registration (R17): canonical email, mobile and `customerAccountId`.
 *
 * @example
 * preregistrationKeys({ emailCanonical: 'a@b.example', mobileE164: null, customerAccountId: 'c1' })
 * // ['email:a@b.example', 'account:c1']
 */
export function preregistrationKeys(row: IdentityFields): IdentityKey[] {
  const keys: IdentityKey[] = []
  if (row.emailCanonical !== null) keys.push(`email:${row.emailCanonical}`)
  if (row.mobileE164 !== null) keys.push(`mobile:${row.mobileE164}`)
  if (row.customerAccountId !== null) keys.push(`account:${row.customerAccountId}`)
  return keys
}

/**
 * Keys of an account (its id, canonical email and mobile), used where an account's identity is
 * compared with pre-registrations (R17, R63).
 *
 * @example
 * accountKeys({ id: 'c1', emailCanonical: 'a@b.example', mobileE164: null }) // ['account:c1', 'email:a@b.example']
 */
export function accountKeys(
  account: Pick<CustomerAccountSnapshot, 'id' | 'emailCanonical' | 'mobileE164'>
): IdentityKey[] {
  const keys: IdentityKey[] = [`account:${account.id}`, `email:${account.emailCanonical}`]
  if (account.mobileE164 !== null) keys.push(`mobile:${account.mobileE164}`)
  return keys
}

/**
 * Keys of a pre-registration request (R17): its canonical email and mobile, plus the keys of
 * every account it resolves to. Duplicates are removed and the list is sorted, which is also the
 * order in which the API takes its key locks (R28).
 *
 * @example
 * requestKeys({ emailCanonical: 'a@b.example', mobileE164: null, accounts: [] }) // ['email:a@b.example']
 */
export function requestKeys(options: {
  emailCanonical: string | null
  mobileE164: string | null
  accounts: readonly Pick<CustomerAccountSnapshot, 'id' | 'emailCanonical' | 'mobileE164'>[]
}): IdentityKey[] {
  const keys = preregistrationKeys({ ...options, customerAccountId: null })
  for (const account of options.accounts) keys.push(...accountKeys(account))
  return [...new Set(keys)].sort()
}

/**
 * Two identities overlap when they share any key (R17).
 *
 * @example
 * keysOverlap(['email:a@b.example'], ['mobile:+8613800000010', 'email:a@b.example']) // true
 */
export function keysOverlap(a: readonly IdentityKey[], b: readonly IdentityKey[]): boolean {
  const set = new Set(a)
  return b.some((key) => set.has(key))
}

/**
 * Resolves a requested identity to a customer account (R18). `accounts` is the snapshot of
 * accounts matching the canonical email or the mobile. Email and mobile resolving to two
 * different accounts is `IDENTITY_AMBIGUOUS`; no match resolves to null.
 *
 * @example
 * resolveIdentity({ emailCanonical: 'a@b.example', mobileE164: null, accounts: [account] }) // ok(account)
 */
export function resolveIdentity<
  A extends Pick<CustomerAccountSnapshot, 'id' | 'emailCanonical' | 'mobileE164'>,
>(options: {
  emailCanonical: string | null
  mobileE164: string | null
  accounts: readonly A[]
}): Result<A | null, DomainError> {
  const { emailCanonical, mobileE164, accounts } = options
  const byEmail =
    emailCanonical === null ? undefined : accounts.find((a) => a.emailCanonical === emailCanonical)
  const byMobile =
    mobileE164 === null ? undefined : accounts.find((a) => a.mobileE164 === mobileE164)
  if (byEmail && byMobile && byEmail.id !== byMobile.id) return fail('IDENTITY_AMBIGUOUS')
  return ok(byEmail ?? byMobile ?? null)
}

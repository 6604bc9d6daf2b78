import { maskEmail, maskMobile, maskName } from '@partner-center/domain'

/** Columns a caller may unmask (M6). */
export type RevealColumn = 'name' | 'email' | 'mobile'

/** A customer's contact values as stored. */
export interface CustomerContact {
  name: string
  email: string | null
  mobile: string | null
}

/** A customer name as a partner-facing answer carries it: masked (M1) unless revealed. */
export function shownName(name: string, reveal: ReadonlySet<RevealColumn>): string {
  return reveal.has('name') ? name : (maskName(name) ?? '')
}

/**
 * The display name of an associated customer's account as the customer list carries it (S5):
 * a name like the customer's, so masked (M1) and revealed with the name column; null stays null.
 */
export function shownAccountName(
  name: string | null,
  reveal: ReadonlySet<RevealColumn>
): string | null {
  return name === null ? null : shownName(name, reveal)
}

/** An email as a partner-facing answer carries it: masked (M2) unless revealed. */
export function shownEmail(email: string | null, reveal: ReadonlySet<RevealColumn>) {
  return reveal.has('email') ? email : maskEmail(email)
}

/** A mobile number as a partner-facing answer carries it: masked (M3) unless revealed. */
export function shownMobile(mobile: string | null, reveal: ReadonlySet<RevealColumn>) {
  return reveal.has('mobile') ? mobile : maskMobile(mobile)
}

/**
 * The contact values a partner-facing answer carries (§7): masked by default (M1–M3), as stored
 * only for the columns the caller revealed.
 */
export function revealOrMask(contact: CustomerContact, reveal: ReadonlySet<RevealColumn>) {
  return {
    customerName: shownName(contact.name, reveal),
    email: shownEmail(contact.email, reveal),
    mobile: shownMobile(contact.mobile, reveal),
  }
}

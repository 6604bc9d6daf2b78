import { takeFragmentSecret, type LinkWindow } from './invitation-link'

const STORAGE_KEY = 'partner-center.invitation-link-code'

/** The answers of R100 for an invitation link that does not work: none changes with time. */
const LINK_ANSWERS: readonly string[] = [
  'LINK_NOT_FOUND',
  'OFFLINE_LINK_DISABLED',
  'OFFLINE_LINK_RESET',
  'OFFLINE_LINK_EXPIRED',
]

/**
 * The invitation link code of this tab (`/join#<code>`, domain.md R99): moved from the address
 * bar to this tab's sessionStorage, as the email invitation's token is (see
 * `takeFragmentSecret`). It is sent to the API only in request bodies.
 *
 * @example
 * const code = takeLinkCode() // at /join#q1w2…: 'q1w2…', and the address is /join
 */
export function takeLinkCode(win: LinkWindow = window): string | null {
  return takeFragmentSecret(STORAGE_KEY, win)
}

/** Forgets this tab's link code: after success or a link answer it can do nothing more (R99). */
export function forgetLinkCode(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY)
}

/**
 * Whether an answer says the invitation link itself does not work (R100: unknown, disabled,
 * reset, expired), after which the page forgets the code. Refusals of the customer (R107 steps
 * 5–7), busy, code-step and sign-in answers do not: a multi-use link may work on the next try.
 *
 * @example
 * isLinkAnswer('OFFLINE_LINK_RESET') // true
 * isLinkAnswer('UNPAID_BILLS') // false
 */
export function isLinkAnswer(code: string): boolean {
  return LINK_ANSWERS.includes(code)
}

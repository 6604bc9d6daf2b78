import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import { canonicalEmailDomain } from './email-domain'
import { isHeaderSafe } from './header-safety'

const LOCAL_MAX = 64
const ADDRESS_MAX = 254
// Whitespace, quotes (ASCII and typographic), backticks, angle brackets, control and format
// characters: none belongs in an address we send to, and each has been used to smuggle headers.
const FORBIDDEN = /[\s"'`<>\u2018\u2019\u201C\u201D\p{Cc}\p{Cf}]/u
const ASCII = /^\p{ASCII}*$/u
// RFC 5321 dot-atom without `'` and backtick (refused above): what SMTP carries unquoted, so the
// canonical address is the RCPT TO as it is. `(`, `,`, `;`, `[`… would need a quoted string.
const DOT_ATOM = /^[a-z0-9!#$%&*+/=?^_{|}~-]+(?:\.[a-z0-9!#$%&*+/=?^_{|}~-]+)*$/i

function invalid(reason: string): Result<never, DomainError> {
  return validationFailed([{ path: 'email', reason }])
}

// The two refusals with a catalogue code of their own still name the field, like VALIDATION_FAILED.
function refuse(code: 'NON_ASCII_LOCAL_PART' | 'MIXED_SCRIPT_DOMAIN'): Result<never, DomainError> {
  return fail(code, { fields: [{ path: 'email', reason: code }] })
}

/**
 * Canonical form of an email address (R14), the one identity of a mailbox and the address mail is
 * sent to: refuse header-breaking characters (R55); NFKC the whole address (full-width letters,
 * `＠` and `．` become ASCII); trim; refuse whitespace, quotes, backticks, angle brackets, control
 * and format characters; exactly one `@`; the local part must be ASCII after NFKC
 * (`NON_ASCII_LOCAL_PART`), 1–64 characters, an unquoted dot-atom; the domain goes through
 * {@link canonicalEmailDomain} (`MIXED_SCRIPT_DOMAIN` for a label failing UTS #39 Highly
 * Restrictive); at most 254 characters in all; the local part is lower-cased (the domain already
 * is). Dots and `+tags` are kept: they may be different mailboxes. Other failures are
 * `VALIDATION_FAILED` with a reason.
 *
 * @example
 * normalizeEmail('  New.Alpha+crm@Customer.Example ') // ok('new.alpha+crm@customer.example')
 * normalizeEmail('x@ｃｕｓｔｏｍｅｒ.example') // ok('x@customer.example')
 * normalizeEmail('a@münchen.example') // ok('a@xn--mnchen-3ya.example')
 * normalizeEmail('用户@例子.广告').error.code // 'NON_ASCII_LOCAL_PART'
 * normalizeEmail('a@раypal.com').error.code // 'MIXED_SCRIPT_DOMAIN'
 */
export function normalizeEmail(raw: unknown): Result<string, DomainError> {
  if (typeof raw !== 'string') return invalid('REQUIRED')
  if (!isHeaderSafe(raw)) return invalid('HEADER_UNSAFE')
  const address = raw.normalize('NFKC').trim()
  if (address === '') return invalid('REQUIRED')
  if (FORBIDDEN.test(address)) return invalid('FORBIDDEN_CHARACTER')
  const parts = address.split('@')
  if (parts.length !== 2) return invalid('NOT_ONE_AT_SIGN')
  const [local = '', domain = ''] = parts
  if (local === '') return invalid('LOCAL_PART_LENGTH')
  if (!ASCII.test(local)) return refuse('NON_ASCII_LOCAL_PART')
  if (local.length > LOCAL_MAX) return invalid('LOCAL_PART_LENGTH')
  if (!DOT_ATOM.test(local)) return invalid('LOCAL_PART_CHARACTERS')
  const canonicalDomain = canonicalEmailDomain(domain)
  if (!canonicalDomain.ok) {
    return canonicalDomain.reason === 'MIXED_SCRIPT_DOMAIN'
      ? refuse('MIXED_SCRIPT_DOMAIN')
      : invalid('INVALID_DOMAIN')
  }
  if (local.length + 1 + canonicalDomain.value.length > ADDRESS_MAX) return invalid('TOO_LONG')
  return ok(`${local.toLowerCase()}@${canonicalDomain.value}`)
}

/**
 * Tells whether two addresses are one mailbox under R14: their canonical forms are equal. A value
 * that is not an address compares by its trimmed lower case, as before canonicalisation existed,
 * so a stored legacy value still matches itself. For screens that must agree with the server's
 * recipient check (R63) before asking it.
 *
 * @example
 * isSameMailbox('X@ｃｕｓｔｏｍｅｒ.example', 'x@customer.example') // true
 * isSameMailbox('x.y@customer.example', 'xy@customer.example') // false
 */
export function isSameMailbox(a: string, b: string): boolean {
  const key = (value: string) => {
    const canonical = normalizeEmail(value)
    return canonical.ok ? canonical.value : value.trim().toLowerCase()
  }
  return key(a) === key(b)
}

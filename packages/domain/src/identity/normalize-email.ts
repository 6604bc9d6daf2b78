import type { DomainError, Result } from '../core/result'
import { ok, validationFailed } from '../core/result'
import { isHeaderSafe } from './header-safety'
import { punycodeEncode } from './punycode'

const LOCAL_MAX = 64
const ADDRESS_MAX = 254
const LABEL_MAX = 63
// Whitespace, quotes (ASCII and typographic), backticks, angle brackets, control and format
// characters: none belongs in an address we send to, and each has been used to smuggle headers.
const FORBIDDEN = /[\s"'`<>\u2018\u2019\u201C\u201D\p{Cc}\p{Cf}]/u
// IDNA maps the ideographic and full-width full stops to '.', so users typing them still match.
const DOTS = /[\u3002\uFF0E\uFF61]/gu
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
const UNICODE_LABEL = /^[\p{L}\p{N}\p{M}-]+$/u

function invalid(reason: string): Result<never, DomainError> {
  return validationFailed([{ path: 'email', reason }])
}

/**
 * Converts a domain to its ASCII (IDNA) form: NFC, lower case, full stops mapped, every non-ASCII
 * label Punycode-encoded with `xn--`. Returns null when a label is empty, too long, or has
 * characters other than letters, digits and hyphens, or when there is no dot.
 *
 * @example
 * domainToAscii('Bücher.Example') // 'xn--bcher-kva.example'
 */
export function domainToAscii(domain: string): string | null {
  const labels = domain.normalize('NFC').toLowerCase().replace(DOTS, '.').split('.')
  if (labels.length < 2) return null
  const ascii: string[] = []
  for (const label of labels) {
    const isAscii = Array.from(label).every((c) => c.charCodeAt(0) < 0x80)
    if (!isAscii && !UNICODE_LABEL.test(label)) return null
    const encoded = isAscii ? label : `xn--${punycodeEncode(label)}`
    if (encoded.length > LABEL_MAX || !ASCII_LABEL.test(encoded)) return null
    ascii.push(encoded)
  }
  return ascii.join('.')
}

/**
 * Canonical form of an email address (R14): trim; refuse whitespace, quotes, backticks, angle
 * brackets, control characters and header-breaking characters (R55); exactly one `@`; local part
 * 1–64 characters; domain converted to ASCII (IDNA) with at least one dot; whole address at most
 * 254 characters; then lower-cased. Dots and `+tags` are kept: they may be different mailboxes.
 *
 * @example
 * normalizeEmail('  New.Alpha+crm@Customer.Example ') // ok('new.alpha+crm@customer.example')
 * normalizeEmail('a@münchen.example') // ok('a@xn--mnchen-3ya.example')
 * normalizeEmail('a b@c.example').ok // false (VALIDATION_FAILED)
 */
export function normalizeEmail(raw: unknown): Result<string, DomainError> {
  if (typeof raw !== 'string') return invalid('REQUIRED')
  if (!isHeaderSafe(raw)) return invalid('HEADER_UNSAFE')
  const trimmed = raw.trim()
  if (trimmed === '') return invalid('REQUIRED')
  if (FORBIDDEN.test(trimmed)) return invalid('FORBIDDEN_CHARACTER')
  const parts = trimmed.split('@')
  if (parts.length !== 2) return invalid('NOT_ONE_AT_SIGN')
  const [local = '', domain = ''] = parts
  const localLength = Array.from(local).length
  if (localLength < 1 || localLength > LOCAL_MAX) return invalid('LOCAL_PART_LENGTH')
  const asciiDomain = domainToAscii(domain)
  if (asciiDomain === null) return invalid('INVALID_DOMAIN')
  if (localLength + 1 + asciiDomain.length > ADDRESS_MAX) return invalid('TOO_LONG')
  return ok(`${local}@${asciiDomain}`.toLowerCase())
}

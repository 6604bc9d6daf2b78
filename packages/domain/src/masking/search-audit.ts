import { maskEmail, maskMobile } from './masking'

/** Digits in a search text from which it is treated as (part of) a mobile number. */
export const PII_SEARCH_MIN_DIGITS = 6

// Compatibility forms count too: a full-width `＠` or `１` is the same search to a reader.
const normalized = (q: string) => q.normalize('NFKC')

/**
 * Whether a list or History search can confirm a customer's contact value (M9a): it holds an
 * `@` (a full or partial email) or at least six digits (a mobile number). Such a search answers
 * masked rows like any other, but matching proves the value, so it is audited as `pii.searched`.
 *
 * @example
 * isPiiSearch('new.alpha@customer.example') // true
 * isPiiSearch('+86 138 0000 0010') // true
 * isPiiSearch('Alpha') // false
 * isPiiSearch('00010') // false (five digits)
 */
export function isPiiSearch(q: string): boolean {
  const text = normalized(q)
  if (text.includes('@')) return true
  let digits = 0
  for (const char of text)
    if (char >= '0' && char <= '9' && ++digits >= PII_SEARCH_MIN_DIGITS) return true
  return false
}

/**
 * A search text as an audit event may hold it (M5: audit details always mask): an email-like
 * text masked as an email (M2), anything else as a mobile number (M3, the last 4 digits at
 * most). Never throws and never keeps more of the text than M2 or M3 allow.
 *
 * @example
 * maskSearchText('new.alpha@customer.example') // 'n***@customer.example'
 * maskSearchText('13800000010') // '****0010'
 * maskSearchText('Alpha 123456') // '****'
 */
export function maskSearchText(q: string): string {
  const text = normalized(q).trim()
  return (text.includes('@') ? maskEmail(text) : maskMobile(text)) ?? ''
}

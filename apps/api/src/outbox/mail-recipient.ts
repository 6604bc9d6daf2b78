import { normalizeEmail } from '@partner-center/domain'

/**
 * The address an email to a stored person goes to: their canonical email (R14), the value the
 * identity rules compared, so the SMTP envelope is exactly what uniqueness, caps and recipient
 * matching decided on. A stored value that is no longer a canonical address (a row the identity
 * data step marked `merged:{id}`) falls back to the canonical form of the address as entered,
 * the same mailbox; null when neither is an address.
 *
 * @example
 * mailRecipient({ canonical: 'x@customer.example', entered: 'X@ｃｕｓｔｏｍｅｒ.example' }) // 'x@customer.example'
 * mailRecipient({ canonical: 'merged:0f…', entered: 'X@customer.example' }) // 'x@customer.example'
 */
export function mailRecipient(options: { canonical: string; entered: string }): string | null {
  const canonical = normalizeEmail(options.canonical)
  if (canonical.ok && canonical.value === options.canonical) return canonical.value
  const entered = normalizeEmail(options.entered)
  return entered.ok ? entered.value : null
}

import { EMAIL_CODE_DIGITS } from '@partner-center/domain'
import { KEY_PURPOSES, type Keyring } from './keyring'

// The email code of a link registration (domain.md R102, R104): drawn by the dispatcher, stored
// only as a keyed hash, compared in constant time. Web Crypto only, so the worker runs it too.

const CODE_SPACE = 10 ** EMAIL_CODE_DIGITS
// The largest multiple of the code space below 2^32: draws at or above it are redrawn, so every
// code is equally likely (no modulo bias).
const UNBIASED_LIMIT = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE

/**
 * A new email code: 6 digits, uniform over 000000–999999, from a cryptographically secure
 * generator (R102). The raw code exists only in memory and in the email.
 *
 * @example
 * drawEmailCode() // '042917'
 */
export function drawEmailCode(): string {
  const buffer = new Uint32Array(1)
  for (;;) {
    crypto.getRandomValues(buffer)
    const value = buffer[0]!
    if (value < UNBIASED_LIMIT) {
      return String(value % CODE_SPACE).padStart(EMAIL_CODE_DIGITS, '0')
    }
  }
}

/**
 * The stored `codeHash` of a code: HMAC-SHA-256 of (pending registration id, code) under the HKDF
 * subkey `HMAC:email-code` of the current data key (§12.2.2), so a hash says nothing of another
 * row's code.
 */
export function emailCodeHash(keyring: Keyring, pendingId: string, code: string): Promise<string> {
  return keyring.mac(KEY_PURPOSES.emailCode, `${pendingId}:${code}`)
}

function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  }
  return difference === 0
}

/**
 * Whether `code` is the code of the pending row whose stored hash is `codeHash`: compared in
 * constant time under every known key (a key rotated during the 10 minutes still matches). False
 * whenever no code was stored (R104).
 */
export async function emailCodeMatches(
  keyring: Keyring,
  options: { pendingId: string; code: string; codeHash: string | null }
): Promise<boolean> {
  const { codeHash } = options
  if (codeHash === null) return false
  const candidates = await keyring.macsForLookup(
    KEY_PURPOSES.emailCode,
    `${options.pendingId}:${options.code}`
  )
  let matched = false
  for (const candidate of candidates) matched = constantTimeEqual(candidate, codeHash) || matched
  return matched
}

/**
 * The rate-limit bucket of code emails to one canonical address, `email-code:{mac}` (§12.2.3):
 * a keyed MAC, never the address, so the counters table names nobody.
 */
export async function emailCodeLimitBucket(
  keyring: Keyring,
  emailCanonical: string
): Promise<string> {
  return `email-code:${await keyring.mac(KEY_PURPOSES.emailCodeLimit, emailCanonical)}`
}

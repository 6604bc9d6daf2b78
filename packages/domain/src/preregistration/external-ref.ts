import { DEFAULT_LIMITS } from '../core/limits'
import type { FieldIssue } from '../core/result'
import { hasControlCharacter } from '../identity/control-characters'

// Unicode format characters (zero-width spaces and joiners, bidi controls, the BOM…): invisible,
// so two references that look equal would not compare equal.
const FORMAT_CHARACTER = /\p{Cf}/u

/** A checked `externalRef`: the stored value (trimmed) or null, or the field's issue. */
export type ExternalRefCheck = { ok: true; value: string | null } | { ok: false; issue: FieldIssue }

/**
 * Checks the partner's `externalRef` (domain.md R122): absent or null is null; a string is
 * trimmed and must then have 1–`EXTERNAL_REF_MAX` (64) code points, no control character (R4,
 * checked first) and no format character (Unicode Cf). Reasons: `INVALID_TYPE`, `REQUIRED`,
 * `TOO_LONG`, `CONTROL_CHARACTER`, `FORMAT_CHARACTER`. Case and inner spaces are kept as entered.
 *
 * @example
 * checkExternalRef('  CRM-00042 ') // { ok: true, value: 'CRM-00042' }
 * checkExternalRef('CRM\u200b42') // { ok: false, issue: { path: 'externalRef', reason: 'FORMAT_CHARACTER' } }
 */
export function checkExternalRef(raw: unknown): ExternalRefCheck {
  const refuse = (reason: string): ExternalRefCheck => ({
    ok: false,
    issue: { path: 'externalRef', reason },
  })
  if (raw === undefined || raw === null) return { ok: true, value: null }
  if (typeof raw !== 'string') return refuse('INVALID_TYPE')
  if (hasControlCharacter(raw)) return refuse('CONTROL_CHARACTER')
  const value = raw.trim()
  const length = Array.from(value).length
  if (length < 1) return refuse('REQUIRED')
  if (length > DEFAULT_LIMITS.EXTERNAL_REF_MAX) return refuse('TOO_LONG')
  if (FORMAT_CHARACTER.test(value)) return refuse('FORMAT_CHARACTER')
  return { ok: true, value }
}

import { describe, expect, it } from 'vitest'
import { checkExternalRef } from './external-ref'

const reasonOf = (raw: unknown): string => {
  const check = checkExternalRef(raw)
  return check.ok ? 'OK' : check.issue.reason
}

describe('checkExternalRef (R122)', () => {
  it('stores absent and null as null, and a string trimmed as entered', () => {
    expect(checkExternalRef(undefined)).toEqual({ ok: true, value: null })
    expect(checkExternalRef(null)).toEqual({ ok: true, value: null })
    expect(checkExternalRef('  CRM 00042 ')).toEqual({ ok: true, value: 'CRM 00042' })
    expect(checkExternalRef('crm-Ä')).toEqual({ ok: true, value: 'crm-Ä' })
  })

  it('counts code points: 64 four-byte characters pass, 65 do not', () => {
    expect(reasonOf('𝔸'.repeat(64))).toBe('OK')
    expect(reasonOf('𝔸'.repeat(65))).toBe('TOO_LONG')
    expect(reasonOf('x'.repeat(65))).toBe('TOO_LONG')
  })

  it('refuses an empty string, a non-string, a control and a format character', () => {
    expect(reasonOf('')).toBe('REQUIRED')
    expect(reasonOf('   ')).toBe('REQUIRED')
    expect(reasonOf(42)).toBe('INVALID_TYPE')
    expect(reasonOf('CRM\n42')).toBe('CONTROL_CHARACTER')
    expect(reasonOf('CRM\u200b42')).toBe('FORMAT_CHARACTER')
    expect(reasonOf('C\ufeffRM')).toBe('FORMAT_CHARACTER')
    expect(checkExternalRef('CRM\u202e42')).toEqual({
      ok: false,
      issue: { path: 'externalRef', reason: 'FORMAT_CHARACTER' },
    })
  })
})

import { describe, expect, it } from 'vitest'
import {
  COUNTRY_CALLING_CODES,
  countryCallingCodeOf,
  isCountryCallingCode,
} from './country-calling-codes'
import { normalizeMobile } from './normalize-mobile'

function reasonOf(raw: unknown): unknown {
  const result = normalizeMobile(raw)
  return result.ok ? null : (result.error.details?.fields as { reason: string }[])[0]?.reason
}

describe('country calling codes', () => {
  it('is a prefix-free set, so a number has exactly one code', () => {
    const clashes = COUNTRY_CALLING_CODES.flatMap((a) =>
      COUNTRY_CALLING_CODES.filter((b) => a !== b && b.startsWith(a)).map((b) => `${a}<${b}`)
    )
    expect(clashes).toEqual([])
  })

  it.each([
    ['14155552671', '1'],
    ['79161234567', '7'],
    ['8613800000010', '86'],
    ['442071234567', '44'],
    ['85291234567', '852'],
    ['35312345678', '353'],
    ['99912345678', null],
  ])('finds the code of %s: %s', (digits, code) => {
    expect(countryCallingCodeOf(digits)).toBe(code)
  })

  it('knows assigned codes only', () => {
    expect(isCountryCallingCode('86')).toBe(true)
    expect(isCountryCallingCode('999')).toBe(false)
  })
})

describe('normalizeMobile (R15)', () => {
  it.each([
    ['+8613800000010', '+8613800000010'],
    [' +86 138-0000-0010 ', '+8613800000010'],
    ['+1 (415) 555-2671', '+14155552671'],
    [{ countryCode: '+86', nationalNumber: '138 0000 0010' }, '+8613800000010'],
    [{ countryCode: '1', nationalNumber: '(415) 555-2671' }, '+14155552671'],
    ['+86123456', '+86123456'],
    ['+861234567890123', '+861234567890123'],
  ])('stores %j as %s', (raw, expected) => {
    expect(normalizeMobile(raw)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['13800000010', 'NOT_E164'],
    ['+86 138.0000.0010', 'NOT_E164'],
    ['+86138000000１0', 'NOT_E164'],
    ['+9991234567', 'UNKNOWN_COUNTRY_CODE'],
    ['+861234', 'LENGTH'],
    ['+8612345678901234', 'LENGTH'],
    [{ countryCode: '999', nationalNumber: '12345678' }, 'UNKNOWN_COUNTRY_CODE'],
    [{ countryCode: '86', nationalNumber: '138x' }, 'NOT_DIGITS'],
    [{ countryCode: '86' }, 'REQUIRED'],
    [null, 'REQUIRED'],
    [12345678, 'REQUIRED'],
  ])('refuses %j with %s', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason)
  })
})

import { describe, expect, it } from 'vitest'
import {
  COUNTRY_CALLING_CODES,
  countryCallingCodeOf,
  isCountryCallingCode,
} from './country-calling-codes'

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

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeMobile } from './normalize-mobile'

function reasonOf(raw: unknown): unknown {
  const result = normalizeMobile(raw)
  return result.ok ? null : (result.error.details?.fields as { reason: string }[])[0]?.reason
}

// Full-width forms of `+`, digits, space, hyphen and parentheses: what a CJK keyboard types.
const WIDE: Record<string, string> = { '+': '＋', ' ': '\u3000', '-': '－', '(': '（', ')': '）' }
const wide = (text: string) =>
  text.replace(/[0-9+ ()-]/g, (c) =>
    /[0-9]/.test(c) ? String.fromCharCode(0xff10 + Number(c)) : (WIDE[c] ?? c)
  )

describe('normalizeMobile (R15)', () => {
  it.each([
    ['+8613800000010', '+8613800000010'],
    [' +86 138-0000-0010 ', '+8613800000010'],
    ['+1 (415) 555-2671', '+14155552671'],
    [{ countryCode: '+86', nationalNumber: '138 0000 0010' }, '+8613800000010'],
    [{ countryCode: '1', nationalNumber: '(415) 555-2671' }, '+14155552671'],
    ['+44 20 7946 0991', '+442079460991'],
    ['+44 020 7946 0991', '+442079460991'],
    [{ countryCode: '44', nationalNumber: '020 7946 0991' }, '+442079460991'],
    ['+7 8 912 345 67 89', '+79123456789'],
    ['+39 06 1234 5678', '+390612345678'],
    ['+1 1 800 555 0100', '+18005550100'],
    ['+375 8 29 123 4567', '+375291234567'],
    ['＋８６ １３８－００００－００１０', '+8613800000010'],
    [
      { countryCode: '＋４４', nationalNumber: '０２０\u3000７９４６\u3000０９９１' },
      '+442079460991',
    ],
  ])('stores %j as %s', (raw, expected) => {
    expect(normalizeMobile(raw)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['13800000010', 'NOT_E164'],
    ['+86 138.0000.0010', 'NOT_E164'],
    ['+86 138 0000 0010 ext 5', 'NOT_E164'],
    ['+٨٦١٣٨٠٠٠٠٠٠١٠', 'NOT_E164'],
    ['+9991234567', 'UNKNOWN_COUNTRY_CODE'],
    ['+861234', 'NOT_POSSIBLE'],
    ['+8612345678901234', 'NOT_POSSIBLE'],
    ['+86 17951 13800000010', 'NOT_POSSIBLE'],
    ['+1 4621234', 'NOT_POSSIBLE'],
    ['+506 1900 2222 3333', 'NOT_POSSIBLE'],
    ['+375 80 29 123 4567', 'NOT_POSSIBLE'],
    ['+800 0 1234 5678', 'NOT_POSSIBLE'],
    ['+1 1 200 555 0100', 'NOT_POSSIBLE'],
    [{ countryCode: '999', nationalNumber: '12345678' }, 'UNKNOWN_COUNTRY_CODE'],
    [{ countryCode: '2', nationalNumber: '0 1001234567' }, 'UNKNOWN_COUNTRY_CODE'],
    [{ countryCode: 'x', nationalNumber: '12345678' }, 'UNKNOWN_COUNTRY_CODE'],
    [{ countryCode: '86', nationalNumber: '138x' }, 'NOT_DIGITS'],
    [{ countryCode: '86' }, 'REQUIRED'],
    [null, 'REQUIRED'],
    [12345678, 'REQUIRED'],
  ])('refuses %j with %s', (raw, reason) => {
    expect(reasonOf(raw)).toBe(reason)
  })

  // Numbers the min metadata calls possible, with and without their trunk prefix.
  const numbers = fc.constantFrom(
    { code: '44', national: '2079460991', trunk: '0' },
    { code: '44', national: '7911123456', trunk: '0' },
    { code: '86', national: '13800000010', trunk: '0' },
    { code: '33', national: '612345678', trunk: '0' },
    { code: '61', national: '412345678', trunk: '0' },
    { code: '7', national: '9123456789', trunk: '8' },
    { code: '1', national: '4155552671', trunk: '1' }
  )

  it('maps every spacing, width and trunk-prefix variant of a number to one identity', () => {
    fc.assert(
      fc.property(
        numbers,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.constantFrom(' ', '-', '(', ')'), { maxLength: 12 }),
        (number, withTrunk, isWide, asParts, separators) => {
          const digits = `${withTrunk ? number.trunk : ''}${number.national}`
          let national = ''
          for (const [i, digit] of [...digits].entries()) national += digit + (separators[i] ?? '')
          const variant = asParts
            ? { countryCode: `+${number.code}`, nationalNumber: national }
            : `+${number.code} ${national}`
          const raw = isWide
            ? typeof variant === 'string'
              ? wide(variant)
              : { countryCode: wide(variant.countryCode), nationalNumber: wide(national) }
            : variant
          expect(normalizeMobile(raw)).toEqual({
            ok: true,
            value: `+${number.code}${number.national}`,
          })
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('keeps distinct numbers distinct and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9][0-9]{9}$/),
        fc.stringMatching(/^1[3-9][0-9]{9}$/),
        (a, b) => {
          const first = normalizeMobile(`+86 ${a}`)
          const second = normalizeMobile(`+86${b}`)
          expect(first.ok && second.ok).toBe(true)
          if (!first.ok || !second.ok) return
          expect(first.value === second.value).toBe(a === b)
          expect(normalizeMobile(first.value)).toEqual(first)
        }
      ),
      { numRuns: 1000 }
    )
  })
})

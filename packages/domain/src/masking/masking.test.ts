import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstGrapheme } from './first-grapheme'
import { maskEmail, maskMobile, maskName, maskPhone } from './masking'

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
const graphemeCount = (text: string) => [...segmenter.segment(text)].length

// Any UTF-16 code unit, lone surrogates included: masking must survive malformed strings too.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: codeUnit, maxLength: 20 })
)

function revealsAtMostOneGrapheme(prefix: string, source: string) {
  expect(source.startsWith(prefix)).toBe(true)
  expect(prefix.length).toBeLessThanOrEqual(16)
  expect(graphemeCount(prefix)).toBeLessThanOrEqual(1)
}

describe('maskName (M1)', () => {
  it.each([
    ['Alpha Robotics', 'A***'],
    ['阿尔法科技', '阿***'],
    ['👩‍💻 Dev', '👩‍💻***'],
    ['  Beta Foods ', 'B***'],
    ['🇨🇳 China Co', '🇨🇳***'],
    ['', '***'],
  ])('masks %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })

  it('keeps null as null (M4)', () => {
    expect(maskName(null)).toBeNull()
    expect(maskName(undefined)).toBeNull()
  })

  it('caps a grapheme stuffed with combining marks', () => {
    const stuffed = `a${'\u0301'.repeat(40)}bc`
    expect(maskName(stuffed)).toBe(`a${'\u0301'.repeat(15)}***`)
  })

  it('never throws and never reveals more than the first grapheme', () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const masked = maskName(name)
        expect(masked?.endsWith('***')).toBe(true)
        revealsAtMostOneGrapheme((masked ?? '').slice(0, -3), name.trim())
      }),
      { numRuns: 1000 }
    )
  })
})

describe('maskEmail (M2)', () => {
  it.each([
    ['new.alpha@customer.example', 'n***@customer.example'],
    ['用户@xn--fsqu00a.xn--4rr70v', '用***@xn--fsqu00a.xn--4rr70v'],
    ['@customer.example', '***@customer.example'],
    ['no-at-sign', 'n***'],
    ['a@b@c.example', 'a***@c.example'],
  ])('masks %j as %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked)
  })

  it('keeps null as null (M4)', () => {
    expect(maskEmail(null)).toBeNull()
  })

  it('never throws and reveals only one grapheme of the local part plus the domain', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (local, domain) => {
        const email = domain === undefined ? local : `${local}@${domain}`
        const masked = maskEmail(email) ?? ''
        const trimmed = email.trim()
        const at = trimmed.lastIndexOf('@')
        const shownDomain = at < 0 ? '' : `@${trimmed.slice(at + 1)}`
        expect(masked.endsWith(`***${shownDomain}`)).toBe(true)
        const prefix = masked.slice(0, masked.length - 3 - shownDomain.length)
        revealsAtMostOneGrapheme(prefix, at < 0 ? trimmed : trimmed.slice(0, at))
      }),
      { numRuns: 1000 }
    )
  })
})

describe('maskMobile (M3)', () => {
  it.each([
    ['+8613800000010', '+86 ****0010'],
    ['+14155552671', '+1 ****2671'],
    ['+852 9123 4567', '+852 ****4567'],
    ['+99912345678', '****5678'],
    ['13800000010', '****0010'],
    ['+1234', '****'],
    ['', '****'],
  ])('masks %j as %j', (mobile, masked) => {
    expect(maskMobile(mobile)).toBe(masked)
    expect(maskPhone(mobile)).toBe(masked)
  })

  it('keeps null as null (M4)', () => {
    expect(maskMobile(null)).toBeNull()
  })

  it('never throws and reveals only the country code and the last four digits', () => {
    const digitsOrText = fc.oneof(
      anyText,
      fc.string({
        unit: fc.constantFrom(
          '0',
          '1',
          '2',
          '3',
          '4',
          '5',
          '6',
          '7',
          '8',
          '9',
          ' ',
          '-',
          '+',
          '(',
          ')'
        ),
        maxLength: 20,
      })
    )
    fc.assert(
      fc.property(digitsOrText, (mobile) => {
        const masked = maskMobile(mobile) ?? ''
        const match = /^(?:\+(\d{1,3}) )?\*\*\*\*(\d{4})?$/.exec(masked)
        expect(match).not.toBeNull()
        const digits = mobile.replace(/[^0-9]/g, '')
        const [, code, last4] = match ?? []
        expect(code === undefined || digits.startsWith(code)).toBe(true)
        expect(last4 === undefined || (digits.endsWith(last4) && digits.length >= 8)).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('firstGrapheme', () => {
  it('answers an empty string for an empty text', () => {
    expect(firstGrapheme('')).toBe('')
  })

  it('keeps CR LF together and an ASCII letter with its combining accent', () => {
    expect(firstGrapheme('\r\nx')).toBe('\r\n')
    expect(firstGrapheme('e\u0301clair')).toBe('e\u0301')
    expect(firstGrapheme('Ada')).toBe('A')
  })

  it('agrees with the segmenter on every text, ASCII-led or not', () => {
    const asciiLed = fc
      .tuple(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 }), anyText)
      .map(([head, tail]) => head + tail)
    fc.assert(
      fc.property(fc.oneof(asciiLed, anyText), (text) => {
        const first = segmenter.segment(text)[Symbol.iterator]().next()
        const expected = first.done ? '' : first.value.segment
        fc.pre(expected.length <= 16) // longer clusters are capped, tested above
        expect(firstGrapheme(text)).toBe(expected)
      }),
      { numRuns: 2000 }
    )
  })
})

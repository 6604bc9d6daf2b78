/// <reference types="node" />
import fc from 'fast-check'
import { domainToASCII, domainToUnicode } from 'node:url'
import { describe, expect, it } from 'vitest'
import { canonicalEmailDomain, domainToAscii } from './email-domain'
import { punycodeDecode } from './punycode'

// Characters the generators mix: ASCII and its upper case, full-width forms, dots of three
// widths, hyphens, Latin with diacritics (composed and not), German ß and Greek final sigma
// (which UTS-46 treats specially), Cyrillic and Greek lookalikes, Han, Kana (half-width too),
// Hangul syllables and jamo, Bopomofo, Arabic, Thai, combining marks, digits of other systems,
// and characters the domain refuses (`_`, `/`, `:`, `%`, ZWJ, symbols).
const ALPHABET = [
  ...'abcxyz019-ABCXYZ',
  ...'ａｂｃＡＢＣ０１９－',
  '.',
  '.',
  '.',
  '。',
  '．',
  '｡',
  ...'äöüéñßς',
  'e\u0301',
  'a\u0308',
  ...'аеорсхΑοι',
  ...'中国例子日本語',
  ...'えてすとカタナｶﾀﾅー',
  ...'한국어\u1112\u1161',
  ...'ㄅㄆ',
  ...'مثال',
  ...'ไทย',
  '\u0301',
  '\u0308',
  ...'٣३',
  ...'_/:%',
  '\u200d',
  '☃',
  'ⓐ',
  '①',
  'Ⅻ',
]
const domains = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 24 })
  .map((chars) => chars.join(''))

const LDH = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

describe('canonicalEmailDomain (R14)', () => {
  it.each([
    ['customer.example', 'customer.example'],
    ['Bücher.Example', 'xn--bcher-kva.example'],
    ['münchen.中国.example', 'xn--mnchen-3ya.xn--fiqs8s.example'],
    ['例え。jp', 'xn--r8jz45g.jp'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['xn--mnchen-3ya.example', 'xn--mnchen-3ya.example'],
    ['XN--MNCHEN-3YA.Example', 'xn--mnchen-3ya.example'],
    ['123.example', '123.example'],
  ])('maps %s to %s', (domain, expected) => {
    expect(canonicalEmailDomain(domain)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['Latin + Han', 'abc中国.example'],
    ['Latin + Hiragana + Katakana + Han', 'abcえカ日本.jp'],
    ['Latin + Hangul', 'abc한국.kr'],
    ['Latin + Han + Hangul', 'abc中한.kr'],
    ['Latin + Han + Bopomofo', 'abc中ㄅ.tw'],
    ['Cyrillic alone', 'пример.рф'],
    ['Greek alone', 'παράδειγμα.gr'],
    ['the prolonged sound mark with Katakana', 'カー.jp'],
  ])('allows %s: %s', (_, domain) => {
    const expected = domainToASCII(domain)
    expect(expected).toMatch(/^xn--/)
    expect(canonicalEmailDomain(domain)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['Latin + Cyrillic', 'раypal.com'],
    ['Latin + Cyrillic typed as Punycode', 'xn--ypal-43d9g.com'],
    ['Latin + Greek', 'gοogle.com'],
    ['Hangul + Hiragana', '한국え.example'],
    ['Bopomofo + Hangul', 'ㄅ한.example'],
    ['Cyrillic + Han', 'пример中国.example'],
    ['Thai + Latin', 'ไทยabc.example'],
  ])('refuses %s as MIXED_SCRIPT_DOMAIN: %s', (_, domain) => {
    expect(canonicalEmailDomain(domain)).toEqual({ ok: false, reason: 'MIXED_SCRIPT_DOMAIN' })
  })

  it.each([
    ['no dot', 'localhost'],
    ['an empty label', 'a..b'],
    ['a trailing dot', 'a.b.'],
    ['a leading hyphen', '-a.example'],
    ['a trailing hyphen', 'a-.example'],
    ['an underscore', 'a_b.example'],
    ['a symbol', '☃.example'],
    ['a slash', 'a.example/x'],
    ['a port', 'a.example:25'],
    ['a percent escape', 'a%2eb.example'],
    ['a zero-width joiner', 'a\u200db.example'],
    ['an IPv4 address', '192.168.0.1'],
    ['a numeric top-level label', 'a.123'],
    ['a label of 64 characters', `${'a'.repeat(64)}.example`],
    ['more than 253 characters', `${'a.'.repeat(126)}ab`],
    ['invalid Punycode', 'xn--a.example'],
    ['Punycode hiding an underscore', 'xn--_-fga.example'],
    ['a leading combining mark', '\u0301a.example'],
  ])('refuses %s as INVALID_DOMAIN', (_, domain) => {
    expect(canonicalEmailDomain(domain)).toEqual({ ok: false, reason: 'INVALID_DOMAIN' })
  })

  it('accepts a label of 63 characters', () => {
    expect(canonicalEmailDomain(`${'a'.repeat(63)}.example`).ok).toBe(true)
  })

  it('answers null through domainToAscii when refused', () => {
    expect(domainToAscii('Ｍünchen.example')).toBe('xn--mnchen-3ya.example')
    expect(domainToAscii('раypal.com')).toBeNull()
  })

  // Differential: Node's own UTS-46 implementation (`node:url`) on generated input. Where we
  // accept, we give exactly its answer; where it refuses, we refuse; where we refuse a domain it
  // maps to valid LDH form, the reason is one of ours (characters, scripts), never a mapping.
  it('agrees with node:url domainToASCII on generated domains', () => {
    let accepted = 0
    fc.assert(
      fc.property(domains, fc.constantFrom('', '.example', '.中国', '。ＣＯＭ'), (head, tail) => {
        const domain = `${head}${tail}`
        const reference = domainToASCII(domain)
        const ours = canonicalEmailDomain(domain.normalize('NFKC'))
        if (ours.ok) accepted++
        const labels = reference.split('.')
        const ldh =
          labels.length >= 2 &&
          reference.length <= 253 &&
          labels.every((label) => label.length <= 63 && LDH.test(label)) &&
          !/^[0-9]+$/.test(labels.at(-1) ?? '')
        const ownCharacters = /^[\p{L}\p{M}\p{N}.\u3002-]+$/u.test(domain.normalize('NFKC'))
        const decodedCharacters = labels
          .filter((label) => label.startsWith('xn--'))
          .every((label) => /^[\p{L}\p{M}\p{N}-]+$/u.test(domainToUnicode(label)))
        const agrees = ours.ok
          ? ours.value === reference
          : reference === '' ||
            ours.reason === 'MIXED_SCRIPT_DOMAIN' ||
            !(ldh && ownCharacters && decodedCharacters)
        expect({ domain, ours, reference, agrees }).toMatchObject({ agrees: true })
      }),
      { numRuns: 3000 }
    )
    expect(accepted).toBeGreaterThan(300)
  })
})

describe('punycodeDecode', () => {
  it.each([
    ['mnchen-3ya', 'münchen'],
    ['fiqs8s', '中国'],
    ['ypal-43d9g', 'раypal'],
    ['abc-', 'abc'],
  ])('decodes %s as %s', (encoded, label) => {
    expect(punycodeDecode(encoded)).toBe(label)
  })

  it.each(['-9', 'ab-c!', 'ü-a', 'A', '99999999999999999999', 'bb00h'])('refuses %s', (encoded) => {
    expect(punycodeDecode(encoded)).toBeNull()
  })

  it('inverts node:url on generated labels', () => {
    fc.assert(
      fc.property(domains, (label) => {
        for (const ascii of domainToASCII(label).split('.')) {
          if (!ascii.startsWith('xn--')) continue
          expect(punycodeDecode(ascii.slice(4))).toBe(domainToUnicode(ascii))
        }
      }),
      { numRuns: 2000 }
    )
  })
})

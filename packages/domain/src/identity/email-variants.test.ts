import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeEmail } from './normalize-email'

// Issue 13: `x@ｃｕｓｔｏｍｅｒ.example` was a second identity beside `x@customer.example`. These
// properties generate addresses and the variants a keyboard, an IME or a copy from a PDF
// produces, and require one canonical form for all of them.

const ATEXT = [...'abcdefghijklmnopqrstuvwxyz0123456789', ...'!#$%&*+/=?^_{|}~-']
const atoms = fc
  .array(fc.constantFrom(...ATEXT), { minLength: 1, maxLength: 8 })
  .map((c) => c.join(''))
const localParts = fc.array(atoms, { minLength: 1, maxLength: 3 }).map((a) => a.join('.'))

// Labels in one script or an allowed mix, each with the variants NFKC folds.
const LATIN = [...'abcdefghijklmnopqrstuvwxyz0123456789', 'ä', 'é', 'ñ', 'ø']
const KANA_HAN = [...'日本語例子中国', ...'えてすと', ...'カタナテスト']
const HANGUL = [...'한국어시험']
const CYRILLIC = [...'пример']
const label = (alphabet: string[]) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 10 }).map((c) => c.join(''))
const labels = fc.oneof(
  label(LATIN),
  fc.tuple(label(LATIN), label(KANA_HAN)).map(([a, b]) => a + b),
  fc.tuple(label(LATIN), label(HANGUL)).map(([a, b]) => a + b),
  label(CYRILLIC)
)
const domains = fc
  .tuple(fc.array(labels, { minLength: 1, maxLength: 2 }), fc.constantFrom('example', 'jp', 'кз'))
  .map(([parts, top]) => [...parts, top].join('.'))

const HALF_WIDTH_KANA: Record<string, string> = {
  カ: 'ｶ',
  タ: 'ﾀ',
  ナ: 'ﾅ',
  テ: 'ﾃ',
  ス: 'ｽ',
  ト: 'ﾄ',
}
const DOT_VARIANTS = ['.', '。', '．', '｡']

// One character as something NFKC, case folding or UTS-46 map back to it.
function variantOf(char: string, choice: number): string {
  const code = char.charCodeAt(0)
  if (char === '.') return DOT_VARIANTS[choice % DOT_VARIANTS.length]!
  if (choice % 4 === 1 && code > 0x20 && code < 0x7f) return String.fromCharCode(code + 0xfee0)
  if (choice % 4 === 2) return char.toUpperCase()
  if (choice % 4 === 3) return HALF_WIDTH_KANA[char] ?? char.normalize('NFD')
  return char
}

function variant(address: string, choices: number[]): string {
  const [local = '', domain = ''] = address.split('@')
  const pick = (i: number) => choices[i % choices.length]!
  // In the local part only the full-width dot folds to '.'; the ideographic one stays non-ASCII.
  const localVariant = [...local]
    .map((c, i) => (c === '.' ? (pick(i) % 2 ? '．' : '.') : variantOf(c, pick(i))))
    .join('')
  const domainVariant = [...domain].map((c, i) => variantOf(c, pick(i + 7))).join('')
  return ` ${localVariant}${pick(1) % 2 ? '＠' : '@'}${domainVariant}\u3000`
}

describe('one identity per mailbox (R14, issue 13)', () => {
  it('maps every NFKC, width and case variant of an address to one canonical form', () => {
    fc.assert(
      fc.property(
        localParts,
        domains,
        fc.array(fc.nat(11), { minLength: 2, maxLength: 16 }),
        (local, domain, choices) => {
          const base = normalizeEmail(`${local}@${domain}`)
          expect(base.ok).toBe(true)
          expect(normalizeEmail(variant(`${local}@${domain}`, choices))).toEqual(base)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('keeps distinct mailboxes distinct: dots, +tags and other local parts', () => {
    fc.assert(
      fc.property(
        localParts,
        localParts,
        domains,
        fc.constantFrom('dot', 'tag', 'other'),
        (local, other, domain, change) => {
          const changed =
            change === 'dot'
              ? local.includes('.')
                ? local.replace('.', '')
                : `${local.slice(0, 1)}.${local.slice(1)}`.replace(/\.$/, '.x')
              : change === 'tag'
                ? `${local}+tag`
                : other
          const a = normalizeEmail(`${local}@${domain}`)
          const b = normalizeEmail(`${changed}@${domain}`)
          expect(a.ok && b.ok).toBe(true)
          if (!a.ok || !b.ok) return
          expect(a.value === b.value).toBe(local === changed)
        }
      ),
      { numRuns: 1000 }
    )
  })
})

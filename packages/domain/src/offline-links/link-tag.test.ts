import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasControlCharacter } from '../identity/control-characters'
import {
  checkLinkTag,
  checkLinkTagFree,
  LINK_TAG_MAX,
  LINK_TAG_MIN,
  linkTagKey,
  type LinkTagNamespace,
} from './link-tag'

const invalid = (reason: string) => ({
  ok: false,
  error: { code: 'LINK_TAG_INVALID', details: { reason } },
})
const controlCharacter = {
  ok: false,
  error: {
    code: 'VALIDATION_FAILED',
    details: { fields: [{ path: 'tag', reason: 'CONTROL_CHARACTER' }] },
  },
}
const taken = { ok: false, error: { code: 'LINK_TAG_TAKEN' } }

// Full-width and half-width forms, upper case, Han, Kana, Hangul, accented Latin, ß and Greek,
// spaces of several widths (trimmed), emoji, and format characters (ZWJ, zero-width space, soft
// hyphen, BOM) and two controls (tab, NEL): the characters where NFKC, trimming and lowering
// can interact.
const ALPHABET = [
  ...'abcXYZ019 -_@.',
  ...'ＡＢＣａｂｃ０１９＠',
  ...'北京展会ｶﾀﾅカタナ한국',
  ...'ÄéÉñßẞΣσςΟΔİı',
  'e\u0301',
  '\u00a0',
  '\u3000',
  'ǅ',
  'ﬁ',
  '①',
  '🎉',
  '\u200d',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\t',
  '\u0085',
]
const tags = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 40 })
  .map((chars) => chars.join(''))

describe('link tag limits (§12.6)', () => {
  it('allows 1 to 32 code points', () => {
    expect([LINK_TAG_MIN, LINK_TAG_MAX]).toEqual([1, 32])
  })
})

describe('linkTagKey (§12.1, R94)', () => {
  it.each([
    ['Spring Fair', 'spring fair'],
    ['  SPRING FAIR\u3000', 'spring fair'],
    ['ＳＰＲＩＮＧ　ＦＡＩＲ', 'spring fair'],
    ['ａｄｍｉｎ@acme.example', 'admin@acme.example'],
    ['ADMIN@ACME.EXAMPLE', 'admin@acme.example'],
    ['北京展会', '北京展会'],
    ['ｶﾀﾅ', 'カタナ'],
    ['Cafe\u0301', 'café'],
    ['ﬁeld ①', 'field 1'],
  ])('maps %j to %j', (tag, key) => {
    expect(linkTagKey(tag)).toBe(key)
  })

  it('lowers as the document says (toLowerCase), not by full case folding', () => {
    // Full case folding would make both pairs equal; R94 defines the key by toLowerCase().
    expect(linkTagKey('STRASSE')).not.toBe(linkTagKey('straße'))
    expect(linkTagKey('ΟΔΟΣ')).toBe('οδος')
    expect(linkTagKey('İstanbul')).toBe('i\u0307stanbul')
  })

  it('is idempotent, NFKC and trimmed on the tag alphabet', () => {
    fc.assert(
      fc.property(tags, (tag) => {
        const key = linkTagKey(tag)
        expect(linkTagKey(key)).toBe(key)
        expect(key.normalize('NFKC')).toBe(key)
        expect(key).toBe(key.trim())
      })
    )
  })

  it('is idempotent over any Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (tag) => {
        expect(linkTagKey(linkTagKey(tag))).toBe(linkTagKey(tag))
      })
    )
  })
})

describe('checkLinkTag (R94)', () => {
  it.each([
    [' Spring Fair ', 'Spring Fair', 'spring fair'],
    ['ＳＰＲＩＮＧ', 'SPRING', 'spring'],
    ['北京展会 2026', '北京展会 2026', '北京展会 2026'],
    ['🎉 Launch', '🎉 Launch', '🎉 launch'],
    ['\u00a0x\u3000', 'x', 'x'],
    // A byte order mark at either end is whitespace to trim(), so it goes with the trimming.
    ['\ufeffab', 'ab', 'ab'],
  ])('accepts %j as %j with key %j', (input, tag, key) => {
    expect(checkLinkTag(input)).toEqual({ ok: true, value: { tag, key } })
  })

  it('counts code points: 32 pass, 33 fail, for ASCII, Han and emoji alike', () => {
    for (const char of ['a', '展', '🎉']) {
      expect(checkLinkTag(char.repeat(32)).ok).toBe(true)
      expect(checkLinkTag(char.repeat(33))).toEqual(invalid('TOO_LONG'))
    }
  })

  it('counts after NFKC and trimming', () => {
    expect(checkLinkTag(`  ${'a'.repeat(32)}  `).ok).toBe(true)
    // U+FB03 (ﬃ) is one code point entered and three after NFKC.
    expect(checkLinkTag('\ufb03'.repeat(11))).toEqual(invalid('TOO_LONG'))
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['ideographic spaces', '\u3000\u3000'],
  ])('refuses a tag that is %s', (_, input) => {
    expect(checkLinkTag(input)).toEqual(invalid('EMPTY'))
  })

  it.each([
    ['zero-width space', 'Spring\u200bFair'],
    ['zero-width joiner (emoji sequence)', '👩\u200d💻'],
    ['soft hyphen', 'Spring\u00adFair'],
    ['right-to-left mark', 'Fair\u200f'],
    ['byte order mark inside', 'Spring\ufeffFair'],
    ['a format character alone', '\u200b'],
  ])('refuses a %s as LINK_TAG_INVALID', (_, input) => {
    expect(checkLinkTag(input)).toEqual(invalid('FORMAT_CHARACTER'))
  })

  it.each([
    ['a line feed', 'Spring\nFair'],
    ['a NUL', 'a\u0000'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085'],
    ['the line separator', 'a\u2028'],
    ['a tab at the end (before trimming)', 'Spring Fair\t'],
    ['a control beside a format character', '\u200b\u0000'],
  ])('refuses %s by R4 (VALIDATION_FAILED)', (_, input) => {
    expect(checkLinkTag(input)).toEqual(controlCharacter)
  })

  it('accepts exactly what is control-free, format-free and 1–32 code points after NFKC and trimming', () => {
    fc.assert(
      fc.property(tags, (input) => {
        const result = checkLinkTag(input)
        const normalized = input.normalize('NFKC').trim()
        const length = [...normalized].length
        const expected =
          !hasControlCharacter(input) && !/\p{Cf}/u.test(normalized) && length >= 1 && length <= 32
        const value = expected ? { tag: normalized, key: linkTagKey(input) } : undefined
        expect(result.ok).toBe(expected)
        expect(result.ok ? result.value : undefined).toEqual(value)
      })
    )
  })
})

describe('checkLinkTagFree (R94)', () => {
  const namespace: LinkTagNamespace = {
    linkTagKeys: ['spring fair', '北京展会'],
    accountNames: ['admin@acme.example', 'operator@acme.example'],
  }

  it('refuses the key of an existing link, in any case or width', () => {
    for (const tag of ['Spring Fair', 'spring fair', 'ＳＰＲＩＮＧ ＦＡＩＲ', '北京展会']) {
      expect(checkLinkTagFree(linkTagKey(tag), namespace)).toEqual(taken)
    }
  })

  it('refuses the account name of a user of the partner', () => {
    for (const tag of ['ADMIN@ACME.EXAMPLE', 'ａｄｍｉｎ@acme.example', 'operator@acme.example']) {
      expect(checkLinkTagFree(linkTagKey(tag), namespace)).toEqual(taken)
    }
  })

  it('accepts a key found in neither', () => {
    expect(checkLinkTagFree('autumn fair', namespace)).toEqual({ ok: true, value: 'autumn fair' })
    expect(checkLinkTagFree('admin', namespace)).toEqual({ ok: true, value: 'admin' })
    expect(checkLinkTagFree('spring', { linkTagKeys: [], accountNames: [] }).ok).toBe(true)
  })

  it('reads iterables, such as the sets a repository returns', () => {
    const sets: LinkTagNamespace = {
      linkTagKeys: new Set(['spring fair']),
      accountNames: new Set(['Admin@Acme.Example']),
    }
    expect(checkLinkTagFree('admin@acme.example', sets)).toEqual(taken)
    expect(checkLinkTagFree('spring fair', sets)).toEqual(taken)
  })
})

import { describe, expect, it } from 'vitest'
import { isHighlyRestrictive, SCRIPT_NAMES, scriptsOf } from './script-restriction'

describe('scriptsOf', () => {
  it.each([
    ['a', ['Latin']],
    ['я', ['Cyrillic']],
    ['中', ['Han']],
    ['カ', ['Katakana']],
    ['ー', ['Hiragana', 'Katakana']],
    ['한', ['Hangul']],
  ])('gives %s the scripts %j', (char, scripts) => {
    expect([...(scriptsOf(char) ?? [])].sort()).toEqual(scripts)
  })

  it.each(['1', '-', '\u20dd', '\ufe0f'])('ignores the Common or Inherited %s', (char) => {
    expect(scriptsOf(char)).toBeNull()
  })

  // The list of script names must cover every letter, mark and digit this engine knows, or a
  // label in a missing script would be refused for no reason.
  it('knows a script for every letter, mark and number of this engine', () => {
    const known = SCRIPT_NAMES.filter((name) => {
      try {
        return new RegExp(`\\p{scx=${name}}`, 'u').flags === 'u'
      } catch {
        return false
      }
    })
    const classes = ['Common', 'Inherited', ...known].map((name) => `\\p{scx=${name}}`)
    const covered = new RegExp(`^[${classes.join('')}]$`, 'u')
    const missing: string[] = []
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const char = String.fromCodePoint(cp)
      if (/^[\p{L}\p{M}\p{N}]$/u.test(char) && !covered.test(char)) missing.push(cp.toString(16))
    }
    expect(missing).toEqual([])
    expect(known.length).toBeGreaterThan(150)
  })
})

describe('isHighlyRestrictive (UTS #39 §5.2)', () => {
  it.each([
    ['an ASCII label', 'customer-01'],
    ['one script with marks and digits', 'bücher2'],
    ['Cyrillic alone', 'пример'],
    ['Latin + Han + Hiragana + Katakana', 'abc日本えカ'],
    ['Latin + Han + Bopomofo', 'abc中ㄅ'],
    ['Latin + Han + Hangul', 'abc中한'],
    ['Hiragana + Katakana sharing the prolonged sound mark', 'えー'],
    ['only Common characters', '123'],
  ])('allows %s', (_, label) => {
    expect(isHighlyRestrictive(label)).toBe(true)
  })

  it.each([
    ['Latin + Cyrillic', 'раypal'],
    ['Latin + Greek', 'gοogle'],
    ['Hangul + Katakana', '한カ'],
    ['Bopomofo + Hiragana', 'ㄅえ'],
    ['Cyrillic + Han', 'я中'],
    ['a character of no script (private use)', 'a\u{10FFFD}'],
  ])('refuses %s', (_, label) => {
    expect(isHighlyRestrictive(label)).toBe(false)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { controlCharacterPaths, hasControlCharacter } from './control-characters'

const CONTROLS = [
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009f',
  '\u2028',
  '\u2029',
]

describe('hasControlCharacter (R4)', () => {
  it.each(CONTROLS)('finds %j anywhere in a text', (control) => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(hasControlCharacter(`${before}${control}${after}`)).toBe(true)
      })
    )
  })

  it.each(['Alpha Robotics', '阿尔法科技', '👩‍💻 Dev', 'a\u200db', 'ÿ ¡ ~', ''])(
    'accepts %j',
    (text) => {
      expect(hasControlCharacter(text)).toBe(false)
    }
  )
})

describe('controlCharacterPaths', () => {
  it('names every string field holding a control character by its dotted path', () => {
    expect(
      controlCharacterPaths({
        q: 'a\u0000b',
        page: '1',
        users: [{ email: 'x@y.example' }, { email: 'x\u0085@y.example' }],
        n: 3,
        none: null,
      })
    ).toEqual(['q', 'users.1.email'])
    expect(controlCharacterPaths(['ok', 'b\u2028'], 'preregistrationIds')).toEqual([
      'preregistrationIds.1',
    ])
    expect(controlCharacterPaths('\u0007')).toEqual([''])
  })

  it('never throws for any JSON value and finds nothing in clean ones', () => {
    const clean = fc.string().filter((s) => !hasControlCharacter(s))
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => controlCharacterPaths(value)).not.toThrow()
      })
    )
    fc.assert(
      fc.property(fc.dictionary(clean, fc.oneof(clean, fc.array(clean))), (value) => {
        expect(controlCharacterPaths(value)).toEqual([])
      })
    )
  })

  it('stops at a depth of 32 instead of overflowing the stack', () => {
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(controlCharacterPaths(deep)).toEqual([])
  })
})

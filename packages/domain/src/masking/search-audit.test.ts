import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPiiSearch, maskSearchText } from './search-audit'

describe('isPiiSearch (M9a)', () => {
  it.each([
    ['new.alpha@customer.example', true],
    ['@customer', true],
    ['alpha＠customer', true],
    ['13800000010', true],
    ['+86 138 0000', true],
    ['１２３４５６', true],
    ['Alpha', false],
    ['00010', false],
    ['a1b2c3d4e5', false],
  ])('%j → %s', (q, expected) => {
    expect(isPiiSearch(q)).toBe(expected)
  })
})

describe('maskSearchText', () => {
  it.each([
    ['new.alpha@customer.example', 'n***@customer.example'],
    ['+8613800000010', '+86 ****0010'],
    ['13800000010', '****0010'],
    ['Alpha 123456', '****'],
    ['ｘ＠ｃｕｓｔｏｍｅｒ.example', 'x***@customer.example'],
  ])('%j → %j', (q, masked) => {
    expect(maskSearchText(q)).toBe(masked)
  })

  it('keeps at most a calling code and 4 digits of a text without @', () => {
    const noAt = fc.string({ maxLength: 100 }).filter((q) => !q.normalize('NFKC').includes('@'))
    fc.assert(
      fc.property(noAt, (q) => {
        const masked = maskSearchText(q)
        expect(masked).toMatch(/^(\+[0-9]{1,3} )?\*{4}[0-9]{0,4}$/)
      })
    )
  })

  it('keeps at most the first character of a local part before the domain', () => {
    const local = fc.string({ minLength: 2, maxLength: 30 }).filter((s) => !s.includes('@'))
    fc.assert(
      fc.property(local, (name) => {
        const masked = maskSearchText(`${name}@customer.example`)
        expect(masked).toMatch(/^.{0,8}\*\*\*@/u)
        expect(masked.endsWith('@customer.example')).toBe(true)
      })
    )
  })
})

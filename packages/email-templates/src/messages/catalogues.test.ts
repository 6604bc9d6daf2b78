import { describe, expect, it } from 'vitest'
import { catalogues } from './catalogues.js'
import { interpolate } from './interpolate.js'

/** Every string leaf of a catalogue with its dotted path. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) =>
    leaves(child, path ? `${path}.${key}` : key)
  )
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()

describe('catalogues', () => {
  it('use the same placeholders in every locale', () => {
    const en = new Map(leaves(catalogues.en))
    const zh = new Map(leaves(catalogues['zh-CN']))
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort())
    for (const [path, text] of en)
      expect([path, placeholders(zh.get(path) ?? '')]).toEqual([path, placeholders(text)])
  })

  it('keep {link} exactly once in the paste-link sentence', () => {
    for (const messages of Object.values(catalogues)) {
      expect(messages.invitation.pasteLink.split('{link}')).toHaveLength(2)
      expect(messages.reminder.pasteLink.split('{link}')).toHaveLength(2)
    }
  })
})

describe('interpolate', () => {
  it('inserts values without rescanning them', () => {
    expect(
      interpolate('Hello {customer}, from {partner}', { customer: '{partner}', partner: 'A$&' })
    ).toBe('Hello {partner}, from A$&')
  })

  it('throws on a placeholder without a value', () => {
    expect(() => interpolate('Hello {nobody}', {})).toThrow(/nobody/)
  })
})

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { webhooksEn } from './en'
import { webhooksZhCN } from './zh-CN'

// The shell may not import the domain, so its webhook labels are its own; this holds them to
// the spec's tables (docs/domain.md §13.4.2 and §13.5), whose text the domain's labels copy.
const spec = readFileSync(resolve(import.meta.dirname, '../../../../../docs/domain.md'), 'utf8')

/** The "English" / "中文" pair the spec gives for a quoted English label, in its order. */
function specPair(english: string): [string, string] {
  const escaped = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`"${escaped}" / "([^"]+)"`).exec(spec)
  if (!match?.[1]) throw new Error(`not in the spec: ${english}`)
  return [english, match[1]]
}

/** Every string of an object tree, by its dotted path. */
function leaves(tree: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out[`${prefix}${key}`] = value
    else Object.assign(out, leaves(value as object, `${prefix}${key}.`))
  }
  return out
}

describe('the shell’s webhook labels', () => {
  it('name the 13 event types of §13.5 with the spec’s labels, in both languages', () => {
    const rows = [...spec.matchAll(/^\| `([a-z_]+\.[a-z_]+)` +\| "([^"]+)" \/ "([^"]+)"/gm)]
    expect(rows).toHaveLength(13)
    const en = leaves(webhooksEn.eventTypes)
    const zh = leaves(webhooksZhCN.eventTypes)
    for (const [, type, english, chinese] of rows) {
      expect({ type, en: en[type!], zh: zh[type!] }).toEqual({ type, en: english, zh: chinese })
    }
  })

  it('say the delivery statuses, outcomes and cancel reasons of §13.4.2', () => {
    const pairs = [
      ...Object.entries(webhooksEn.deliveryStatuses).map(([key, value]) => [
        value.replace('{time}', '{time}'),
        webhooksZhCN.deliveryStatuses[key as keyof typeof webhooksEn.deliveryStatuses],
      ]),
      ...Object.entries(webhooksEn.cancelReasons).map(([key, value]) => [
        value,
        webhooksZhCN.cancelReasons[key as keyof typeof webhooksEn.cancelReasons],
      ]),
    ]
    for (const [english, chinese] of pairs) expect(specPair(english!)).toEqual([english, chinese])
    // The outcomes: the spec writes the timeout as 10, the limit's default.
    const outcomes = Object.entries(webhooksEn.outcomes).filter(([key]) => key !== 'HTTP')
    for (const [key, english] of outcomes) {
      const chinese = webhooksZhCN.outcomes[key as keyof typeof webhooksEn.outcomes]
      expect(specPair(english.replace('{seconds}', '10'))).toEqual([
        english.replace('{seconds}', '10'),
        chinese.replace('{seconds}', '10'),
      ])
    }
  })

  it('have the same keys in both languages', () => {
    expect(Object.keys(leaves(webhooksZhCN)).sort()).toEqual(Object.keys(leaves(webhooksEn)).sort())
  })
})

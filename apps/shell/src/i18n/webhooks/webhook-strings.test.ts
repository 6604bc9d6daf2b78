import { describe, expect, it } from 'vitest'
import { webhooksEn } from './en'
import { webhooksZhCN } from './zh-CN'

// The labels of event types, statuses, outcomes and cancel reasons come from the domain through
// the contracts package, which holds them to docs/domain.md; the page's own strings are here.

/** Every string of an object tree, by its dotted path. */
function leaves(tree: object, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out[`${prefix}${key}`] = value
    else Object.assign(out, leaves(value as object, `${prefix}${key}.`))
  }
  return out
}

describe('the shell’s webhook strings', () => {
  it('have the same keys in both languages, none of them empty', () => {
    const en = leaves(webhooksEn)
    const zh = leaves(webhooksZhCN)
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
    expect(
      [...Object.values(en), ...Object.values(zh)].filter((text) => text.trim() === '')
    ).toEqual([])
  })
})

/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { WEBHOOK_ATTEMPT_OUTCOME_LABELS } from './attempt-outcome-labels'
import { WEBHOOK_CANCEL_REASON_LABELS, WEBHOOK_DELIVERY_STATUS_LABELS } from './delivery-labels'
import { WEBHOOK_EVENT_TYPE_INFO } from './event-types'

// docs/domain.md §13.4.2 and §13.5 are where people read the webhook labels, as "English" /
// "中文" pairs; every label the code says is there word for word, so one changed on one side
// only fails here.
const spec = readFileSync(new URL('../../../../docs/domain.md', import.meta.url), 'utf8')

/** The Chinese the spec pairs with a quoted English label. */
function chineseOf(english: string): string | undefined {
  const escaped = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`"${escaped}" / "([^"]+)"`).exec(spec)?.[1]
}

/** Every [English, Chinese] pair of a label table, by key. */
function pairs(labels: { en: object; 'zh-CN': object }): [string, string | undefined][] {
  const zh = labels['zh-CN'] as Record<string, string>
  return Object.entries(labels.en as Record<string, string>).map(([key, en]) => [en, zh[key]])
}

describe('docs/domain.md restates the webhook labels', () => {
  it('names the 13 event types of §13.5 with the catalogue’s labels, in both languages', () => {
    const rows = [...spec.matchAll(/^\| `([a-z_]+\.[a-z_]+)` +\| "([^"]+)" \/ "([^"]+)"/gm)]
    expect(rows.map(([, type, en, zh]) => [type, en, zh])).toEqual(
      Object.entries(WEBHOOK_EVENT_TYPE_INFO).map(([type, info]) => [
        type,
        info.label.en,
        info.label['zh-CN'],
      ])
    )
  })

  it('says the delivery statuses, cancel reasons and attempt outcomes of §13.4.2', () => {
    const outcomes = pairs(WEBHOOK_ATTEMPT_OUTCOME_LABELS)
      .filter(([en]) => en !== 'HTTP {status}')
      // The spec writes the timeout as 10, the limit's default.
      .map(([en, zh]) => [en.replace('{seconds}', '10'), zh?.replace('{seconds}', '10')])
    const all = [
      ...pairs(WEBHOOK_DELIVERY_STATUS_LABELS),
      ...pairs(WEBHOOK_CANCEL_REASON_LABELS),
      ...outcomes,
    ]
    expect(all).toHaveLength(6 + 3 + 5)
    expect(all.filter(([en, zh]) => chineseOf(en!) !== zh)).toEqual([])
  })
})

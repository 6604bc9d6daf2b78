/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ACTION_KEYS, ACTION_TEXTS } from './failure-actions'
import { FAILURE_CATALOGUE } from './failure-catalogue'
import { FAILURE_CODES } from './failure-codes'

// docs/domain.md §6 is the catalogue people read; these tests keep it word for word the same as
// the one the code answers with, so a text changed on one side only fails here.
const DOMAIN_MD = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../docs/domain.md')

/** The cells of the table rows of one `### 6.x` section, keyed by their first cell. */
function tableRows(heading: string): Map<string, string[]> {
  const markdown = readFileSync(DOMAIN_MD, 'utf8')
  const start = markdown.indexOf('\n', markdown.indexOf(`\n### ${heading}`) + 1)
  const rest = markdown.slice(start)
  const end = rest.search(/^#{2,3} /m)
  const section = end < 0 ? rest : rest.slice(0, end)
  const rows = new Map<string, string[]>()
  for (const line of section.split('\n')) {
    if (!line.startsWith('| ')) continue
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
    rows.set(cells[0] ?? '', cells.slice(1))
  }
  return rows
}

describe('docs/domain.md §6 restates the catalogue', () => {
  it('gives every suggested action of §6.1 the texts of ACTION_TEXTS', () => {
    const rows = tableRows('6.1 ')
    for (const key of ACTION_KEYS) {
      expect({ key, texts: rows.get(key) }).toEqual({
        key,
        texts: [ACTION_TEXTS[key].en, ACTION_TEXTS[key]['zh-CN']],
      })
    }
  })

  it('gives every code of §6.2 its status, messages and actions', () => {
    const rows = tableRows('6.2 ')
    for (const code of FAILURE_CODES) {
      const entry = FAILURE_CATALOGUE[code]
      const [status, , en, zh, partner, customer] = rows.get(code) ?? []
      expect({ code, status, en, zh, partner, customer }).toEqual({
        code,
        status: entry.httpStatus === null ? '—' : String(entry.httpStatus),
        en: entry.message.en,
        zh: entry.message['zh-CN'],
        partner: entry.partnerAction?.key ?? '—',
        customer: entry.customerAction?.key ?? '—',
      })
    }
  })
})

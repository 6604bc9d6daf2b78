/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../core/locale'
import { ASSOCIATION_TYPE_TEXTS } from './association-type-texts'

// docs/domain.md §9.0 is where people read the association type texts; every text the code
// says is there word for word, so a text changed on one side only fails here.
const DOMAIN_MD = new URL('../../../../docs/domain.md', import.meta.url)

function section90(): string {
  const markdown = readFileSync(DOMAIN_MD, 'utf8')
  const start = markdown.indexOf('\n### 9.0 ')
  return markdown.slice(start, markdown.indexOf('\n### 9.1 ', start))
}

describe('docs/domain.md §9.0 restates the association type texts', () => {
  it('holds every definition and note of every audience and locale', () => {
    const docs = section90()
    const texts = Object.values(ASSOCIATION_TYPE_TEXTS).flatMap((byType) =>
      Object.values(byType).flatMap(({ definition, note }) =>
        [definition, note].flatMap((text) => (text ? LOCALES.map((locale) => text[locale]) : []))
      )
    )
    expect(texts).toHaveLength(12)
    expect(texts.filter((text) => !docs.includes(`| ${text} `))).toEqual([])
  })
})

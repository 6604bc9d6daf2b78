/// <reference types="node" />
import { PREREGISTRATION_STATUSES, REVEAL_COLUMNS } from '@partner-center/domain'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PreregistrationStatusSchema, RevealColumn } from './preregistrations'

const SRC = dirname(fileURLToPath(import.meta.url))

describe("contracts' enums (issue 15 item 3)", () => {
  it('spell no value list of their own: every z.enum takes a list the domain exports', () => {
    const literalEnums = readdirSync(SRC)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .flatMap((file) =>
        [...readFileSync(`${SRC}/${file}`, 'utf8').matchAll(/z\s*\.enum\(\s*\[[^\]]*\]/g)].map(
          ([match]) => `${file}: ${match}`
        )
      )
    // The one exception: the API's database driver, a deployment detail, not a domain list.
    expect(literalEnums).toEqual([`health.ts: z.enum(['postgres', 'pglite']`])
  })

  it('list pre-registrations in every domain status but DELETED, which is never listed', () => {
    expect(PreregistrationStatusSchema.options).toEqual(
      PREREGISTRATION_STATUSES.filter((status) => status !== 'DELETED')
    )
    expect(RevealColumn.options).toEqual([...REVEAL_COLUMNS])
  })
})

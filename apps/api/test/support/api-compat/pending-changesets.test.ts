import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { changesetBumps, pendingBumps } from './pending-changesets'

describe('changesetBumps', () => {
  it('reads the packages and bumps of the front matter, quoted or not, and nothing after it', () => {
    const text = [
      '---',
      '"@partner-center/contracts": major',
      "'@partner-center/domain': minor",
      '@partner-center/mfe-contract: "patch"',
      '---',
      '',
      '"@partner-center/email-templates": major',
    ].join('\n')
    expect(Object.fromEntries(changesetBumps(text))).toEqual({
      '@partner-center/contracts': 'major',
      '@partner-center/domain': 'minor',
      '@partner-center/mfe-contract': 'patch',
    })
  })

  it('reads nothing from a file without front matter', () => {
    expect(changesetBumps('"@partner-center/contracts": major\n').size).toBe(0)
  })
})

describe('pendingBumps', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps the strongest bump per package across files and ignores the README', () => {
    dir = mkdtempSync(join(tmpdir(), 'changesets-'))
    writeFileSync(join(dir, 'README.md'), '---\n"@partner-center/domain": major\n---\n')
    writeFileSync(join(dir, 'config.json'), '{}')
    writeFileSync(join(dir, 'a.md'), '---\n"@partner-center/domain": patch\n---\n\nFix.\n')
    writeFileSync(join(dir, 'b.md'), '---\n"@partner-center/domain": minor\n---\n\nAdd.\n')
    writeFileSync(join(dir, 'c.md'), '---\n"@partner-center/contracts": major\n---\n\nDrop.\n')
    expect(Object.fromEntries(pendingBumps(dir))).toEqual({
      '@partner-center/domain': 'minor',
      '@partner-center/contracts': 'major',
    })
  })
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { readSnapshotFolderFacts, snapshotIntegrityProblems } from './released-snapshot-integrity'

const FILE = 'packages/domain/api-snapshots/0.1.0.json'
const NEXT = 'packages/domain/api-snapshots/0.2.0.json'

describe('snapshotIntegrityProblems', () => {
  it('accepts a snapshot committed once and unchanged, and one not committed yet', () => {
    const facts = {
      files: [
        { path: FILE, commits: ['a'.repeat(40)] },
        { path: NEXT, commits: [] },
      ],
      statusLines: [`?? ${NEXT}`],
    }
    expect(snapshotIntegrityProblems(facts)).toEqual([])
    expect(snapshotIntegrityProblems({ ...facts, statusLines: [`A  ${NEXT}`] })).toEqual([])
  })

  it('refuses a snapshot committed twice (rewritten, or deleted after its release)', () => {
    const facts = {
      files: [{ path: FILE, commits: ['b'.repeat(40), 'a'.repeat(40)] }],
      statusLines: [],
    }
    expect(snapshotIntegrityProblems(facts)).toEqual([
      `${FILE} was committed 2 times (bbbbbbbbbb, aaaaaaaaaa); a released snapshot is written once, when its version is cut, and never rewritten or deleted`,
    ])
  })

  it('refuses an uncommitted change to a committed snapshot: modified, staged, deleted, renamed', () => {
    const files = [{ path: FILE, commits: ['a'.repeat(40)] }]
    for (const line of [` M ${FILE}`, `M  ${FILE}`, ` D ${FILE}`, `R  ${FILE} -> ${NEXT}`]) {
      expect(snapshotIntegrityProblems({ files, statusLines: [line] })).toEqual([
        `${FILE} has an uncommitted change (git status: ${JSON.stringify(line.slice(0, 2))}); a released snapshot never changes: restore it from git`,
      ])
    }
  })
})

describe('readSnapshotFolderFacts', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the real history of the domain snapshots', () => {
    const folder = fileURLToPath(
      new URL('../../../../../packages/domain/api-snapshots', import.meta.url)
    )
    const facts = readSnapshotFolderFacts(folder)
    expect(facts.files.map((file) => file.path)).toContain(FILE)
  })

  it('fails, saying why, outside a git repository instead of skipping', () => {
    dir = mkdtempSync(join(tmpdir(), 'no-git-'))
    expect(() => readSnapshotFolderFacts(dir)).toThrow(/without git and the full history it cannot/)
  })
})

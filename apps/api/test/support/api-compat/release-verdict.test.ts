import { describe, expect, it } from 'vitest'
import { releaseHistoryProblems, releaseVerdict, type ReleaseCheck } from './release-verdict'

const check: ReleaseCheck = {
  packageName: '@partner-center/contracts',
  version: '0.1.0',
  snapshotFile: 'packages/contracts/api-snapshots/0.1.0.json',
  breaks: [
    'POST /api/v1/x requestBody.email: maxLength 254 → 100',
    'GET /api/v1/y response 200.id: removed',
  ],
  bump: undefined,
}

describe('releaseVerdict', () => {
  it('passes an API that keeps every promise', () => {
    expect(releaseVerdict({ ...check, breaks: [] }).ok).toBe(true)
  })

  it('fails a break without a major changeset, listing every break and what to do', () => {
    for (const bump of [undefined, 'patch', 'minor'] as const) {
      const verdict = releaseVerdict({ ...check, bump })
      expect(verdict.ok).toBe(false)
      expect(verdict.message).toContain(
        '  - POST /api/v1/x requestBody.email: maxLength 254 → 100\n  - GET /api/v1/y response 200.id: removed'
      )
      expect(verdict.message).toContain('`pnpm changeset`, pick @partner-center/contracts, choose')
      expect(verdict.message).toContain(`pending changesets ask for: ${bump ?? 'nothing'}`)
    }
  })

  it('passes a break a pending changeset releases as major', () => {
    expect(releaseVerdict({ ...check, bump: 'major' }).ok).toBe(true)
  })
})

describe('releaseHistoryProblems', () => {
  // Snapshots here are lists of promises; a break is a promise the next one lost.
  const compare = (old: unknown, next: unknown) =>
    (old as string[])
      .filter((item) => !(next as string[]).includes(item))
      .map((item) => `${item}: removed`)

  it('accepts additions in any release and a break that moved the major version', () => {
    const releases = [
      { version: '0.1.0', snapshot: ['a', 'b'] },
      { version: '0.1.1', snapshot: ['a', 'b', 'c'] },
      { version: '1.0.0', snapshot: ['a'] },
    ]
    expect(releaseHistoryProblems(releases, compare)).toEqual([])
  })

  it('reports a release that broke the one before without a major version', () => {
    const releases = [
      { version: '1.0.0', snapshot: ['a', 'b'] },
      { version: '1.1.0', snapshot: ['a'] },
      { version: '2.0.0-next.0', snapshot: [] },
    ]
    expect(releaseHistoryProblems(releases, compare)).toEqual([
      '1.1.0 breaks 1.0.0 without a major version:\n  - b: removed',
    ])
  })
})

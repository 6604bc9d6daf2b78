import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PublicApiPackage } from './public-api-packages'
import { writeMissingSnapshot } from './snapshot-writer'
import { snapshotVersions, writeSnapshotOnce } from './snapshot-store'

// A package whose snapshot is a list of promises; a break is one the next list lost.
const pkg: PublicApiPackage = {
  name: '@example/list',
  holds: 'list',
  live: () => Promise.resolve([]),
  compare: (old, next) =>
    (old as string[])
      .filter((item) => !(next as string[]).includes(item))
      .map((item) => `${item}: removed`),
}

describe('writing snapshots when a version is cut', () => {
  let dir = ''
  const setVersion = (version: string) =>
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: pkg.name, version }))
  const snapshot = (version: string) =>
    readFileSync(join(dir, 'api-snapshots', `${version}.json`), 'utf8')

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-snapshots-'))
    mkdirSync(join(dir, 'api-snapshots'))
    writeFileSync(join(dir, 'api-snapshots', '0.1.0.json'), '["a", "b"]\n')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the snapshot of a new version beside the earlier ones', async () => {
    setVersion('0.2.0')
    const written = await writeMissingSnapshot(pkg, dir, ['a', 'b', 'c'])
    expect(written).toBe(join(dir, 'api-snapshots', '0.2.0.json'))
    expect(JSON.parse(snapshot('0.2.0'))).toEqual(['a', 'b', 'c'])
    expect(snapshotVersions(dir)).toEqual(['0.1.0', '0.2.0'])
  })

  it('never overwrites a snapshot, even one that differs from the live API', async () => {
    setVersion('0.1.0')
    expect(await writeMissingSnapshot(pkg, dir, ['a', 'b', 'c'])).toBeNull()
    expect(snapshot('0.1.0')).toBe('["a", "b"]\n')
    expect(writeSnapshotOnce(dir, '0.1.0', '[]\n')).toBe(false)
    expect(snapshot('0.1.0')).toBe('["a", "b"]\n')
  })

  it('refuses to write a version that breaks the last release without moving the major', async () => {
    setVersion('0.1.1')
    await expect(writeMissingSnapshot(pkg, dir, ['a'])).rejects.toThrow(
      /not writing .*0\.1\.1\.json, because\n0\.1\.1 breaks 0\.1\.0 without a major version:\n {2}- b: removed/
    )
    expect(snapshotVersions(dir)).toEqual(['0.1.0'])
  })

  it('writes a breaking version when its major moved', async () => {
    setVersion('1.0.0')
    expect(await writeMissingSnapshot(pkg, dir, ['a'])).toBe(
      join(dir, 'api-snapshots', '1.0.0.json')
    )
  })
})

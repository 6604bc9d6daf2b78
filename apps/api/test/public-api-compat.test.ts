// Issue 18 item 2: the domain's failure codes and the contracts' shapes are public API. Each
// package's last release is a snapshot, packages/<name>/api-snapshots/<version>.json, written by
// `pnpm version-packages` when a version is cut and never again. The live catalogue and OpenAPI
// document may add to it; removing or narrowing anything passes only when a pending changeset
// releases the package as a major version.
//
// Regenerating the snapshot cannot pass it: git must show every committed snapshot written by one
// commit and unchanged in the working tree, and a snapshot written for a new version must not
// break the one before without a major version, so neither rewriting a snapshot nor moving the
// version by hand hides a break. Without git or with a shallow history the check fails: it has no
// honest answer then.
//
// WRITE_API_SNAPSHOTS=1 (env.ts) first writes the snapshot of each package's version if missing.
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { readApiCompatEnv } from './support/api-compat/env'
import { pendingBumps } from './support/api-compat/pending-changesets'
import { PUBLIC_API_PACKAGES } from './support/api-compat/public-api-packages'
import {
  readSnapshotFolderFacts,
  snapshotIntegrityProblems,
} from './support/api-compat/released-snapshot-integrity'
import { releaseHistoryProblems, releaseVerdict } from './support/api-compat/release-verdict'
import { compareVersions } from './support/api-compat/semver-order'
import {
  packageDirOf,
  packageVersion,
  readSnapshot,
  snapshotFolder,
  snapshotPath,
  snapshotVersions,
} from './support/api-compat/snapshot-store'
import { writeMissingSnapshot } from './support/api-compat/snapshot-writer'

const WORKSPACE = fileURLToPath(new URL('../../../', import.meta.url))
const CHANGESETS = fileURLToPath(new URL('../../../.changeset', import.meta.url))
const fromRoot = (path: string) => relative(WORKSPACE, path)
const { writeMissingSnapshots } = readApiCompatEnv()

describe.each(PUBLIC_API_PACKAGES)('the public API of $name', (pkg) => {
  const packageDir = packageDirOf(pkg.name)
  let live: unknown

  beforeAll(async () => {
    live = await pkg.live()
    if (writeMissingSnapshots) await writeMissingSnapshot(pkg, packageDir, live)
  })

  it('has the snapshot of its current version (the last release) and none of a later one', () => {
    const version = packageVersion(packageDir)
    const versions = snapshotVersions(packageDir)
    const missing = versions.includes(version)
      ? []
      : [
          `${fromRoot(snapshotPath(packageDir, version))} is missing: the ${pkg.holds} of ` +
            `${version} is written when the version is cut (\`pnpm version-packages\`)`,
        ]
    expect(missing).toEqual([])
    expect(versions.filter((v) => compareVersions(v, version) > 0)).toEqual([])
  })

  it('never rewrote a released snapshot: each was committed once and is unchanged since', () => {
    const facts = readSnapshotFolderFacts(snapshotFolder(packageDir))
    expect(facts.files.length).toBeGreaterThan(0)
    expect(snapshotIntegrityProblems(facts)).toEqual([])
  })

  it('moved the major version at every release that broke the one before', () => {
    const releases = snapshotVersions(packageDir).map((version) => ({
      version,
      snapshot: readSnapshot(packageDir, version),
    }))
    expect(releases.length).toBeGreaterThan(0)
    expect(releaseHistoryProblems(releases, pkg.compare)).toEqual([])
  })

  it('keeps every promise of its last release, or a pending changeset marks it major', () => {
    const version = packageVersion(packageDir)
    const verdict = releaseVerdict({
      packageName: pkg.name,
      version,
      snapshotFile: fromRoot(snapshotPath(packageDir, version)),
      breaks: pkg.compare(readSnapshot(packageDir, version), live),
      bump: pendingBumps(CHANGESETS).get(pkg.name),
    })
    // The message lists every break and says what to do; an accepted break passes silently.
    expect(verdict.ok ? '' : verdict.message).toBe('')
  })
})

import { existsSync } from 'node:fs'
import type { PublicApiPackage } from './public-api-packages'
import { releaseHistoryProblems } from './release-verdict'
import { compareVersions } from './semver-order'
import {
  packageVersion,
  readSnapshot,
  snapshotPath,
  snapshotVersions,
  writeSnapshotOnce,
} from './snapshot-store'
import { snapshotText } from './stable-json'

/**
 * Writes the snapshot of a package's version when it has none: the step of
 * `pnpm version-packages` right after `changeset version` moved the version. Never overwrites a
 * snapshot, and refuses to write one for a version that breaks the previous release without a
 * major bump (a patch changeset for a breaking change). Answers the path written, or null.
 *
 * @example
 * await writeMissingSnapshot(PUBLIC_API_PACKAGES[0], '/repo/packages/domain', liveCatalogue())
 * // '/repo/packages/domain/api-snapshots/0.2.0.json'
 */
export async function writeMissingSnapshot(
  pkg: PublicApiPackage,
  packageDir: string,
  live: unknown
): Promise<string | null> {
  const version = packageVersion(packageDir)
  const path = snapshotPath(packageDir, version)
  if (existsSync(path)) return null
  const earlier = snapshotVersions(packageDir).filter((v) => compareVersions(v, version) < 0)
  const releases = [
    ...earlier.map((v) => ({ version: v, snapshot: readSnapshot(packageDir, v) })),
    // Through JSON, as it will be read back: `undefined` members vanish the same way.
    { version, snapshot: JSON.parse(JSON.stringify(live)) as unknown },
  ]
  const problems = releaseHistoryProblems(releases, pkg.compare)
  if (problems.length > 0) {
    throw new Error(
      `${pkg.name}: not writing ${path}, because\n${problems.join('\n')}\n` +
        'A breaking change needs a major changeset before `changeset version` moves the version.'
    )
  }
  return writeSnapshotOnce(packageDir, version, await snapshotText(live, path)) ? path : null
}

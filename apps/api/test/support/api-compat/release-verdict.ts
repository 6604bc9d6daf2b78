import type { Bump } from './pending-changesets'
import { parseVersion } from './semver-order'

/** What the public-API check knows about one package when it compares the live API. */
export interface ReleaseCheck {
  packageName: string
  /** The last released version: the package.json version, whose snapshot is the promise. */
  version: string
  /** The released snapshot's path from the repository's root, for the message. */
  snapshotFile: string
  breaks: string[]
  /** The strongest bump pending changesets ask for this package, if any. */
  bump: Bump | undefined
}

/**
 * Whether the live API may ship: it keeps every promise of the last release, or a pending
 * changeset releases the break as a major version. The message lists every break and says what
 * to do.
 *
 * @example
 * releaseVerdict({ packageName: '@partner-center/domain', version: '0.1.0',
 *   snapshotFile: 'packages/domain/api-snapshots/0.1.0.json',
 *   breaks: ['failure code LINK_REVOKED: removed'], bump: 'major' }).ok // true
 */
export function releaseVerdict(check: ReleaseCheck): { ok: boolean; message: string } {
  const { packageName, version, snapshotFile, breaks, bump } = check
  if (breaks.length === 0) {
    return { ok: true, message: `${packageName} keeps every promise of ${version}` }
  }
  const list = breaks.map((line) => `  - ${line}`).join('\n')
  const head = `${packageName} breaks ${breaks.length} promise(s) of its last release ${version} (${snapshotFile}):\n${list}`
  if (bump === 'major') {
    return { ok: true, message: `${head}\nA pending changeset releases this as a major version.` }
  }
  return {
    ok: false,
    message: [
      head,
      '',
      `Either keep what ${version} promised (restore it, or add the new beside the old), or`,
      `release the break as a major version: \`pnpm changeset\`, pick ${packageName}, choose`,
      `major and tell consumers what to change (pending changesets ask for: ${bump ?? 'nothing'}).`,
      `Editing or regenerating ${snapshotFile} does not help: a released snapshot is immutable`,
      '(checked with git); `pnpm version-packages` writes the next version’s snapshot.',
    ].join('\n'),
  }
}

/** One released version and its snapshot. */
export interface Release {
  version: string
  snapshot: unknown
}

/**
 * Where a release broke the one before it without moving the major version, one entry per
 * offending release, oldest first. This keeps the guarantee when the version is moved by hand:
 * a snapshot written for a patch or minor version that drops a promise of the previous one fails.
 *
 * @example
 * releaseHistoryProblems(
 *   [{ version: '0.1.0', snapshot: a }, { version: '0.1.1', snapshot: b }],
 *   compareCatalogues
 * ) // ['0.1.1 breaks 0.1.0 without a major version:\n  - failure code LINK_REVOKED: removed']
 */
export function releaseHistoryProblems(
  releases: readonly Release[],
  compare: (old: unknown, next: unknown) => string[]
): string[] {
  return releases.slice(1).flatMap((release, index) => {
    const previous = releases[index]
    if (!previous) return []
    const breaks = compare(previous.snapshot, release.snapshot)
    const majorMoved = parseVersion(release.version).major > parseVersion(previous.version).major
    if (breaks.length === 0 || majorMoved) return []
    const list = breaks.map((line) => `  - ${line}`).join('\n')
    return [`${release.version} breaks ${previous.version} without a major version:\n${list}`]
  })
}

import { readdirSync } from 'node:fs'
import { relative } from 'node:path'
import { gitReadOnly } from './git-read-only'

/** One snapshot file as git knows it: the commits that touched it, newest first. */
export interface SnapshotHistory {
  /** The path from the repository's root, as git prints it. */
  path: string
  commits: string[]
}

/** What git says about a folder of snapshots: each file's commits and `git status --porcelain`. */
export interface SnapshotFolderFacts {
  files: SnapshotHistory[]
  statusLines: string[]
}

const WHY_GIT =
  'The public-API check proves with git that a released snapshot was written once and never ' +
  'changed; without git and the full history it cannot, so it fails instead of skipping. Run it ' +
  'in a clone with its whole history (CI: fetch-depth 0), not in an export or a shallow clone.'

/**
 * Reads, without writing anything, the git facts of a package's `api-snapshots` folder: every
 * file it holds or ever held, the commits of each, and its uncommitted changes. Throws when git,
 * the repository or its full history is missing.
 *
 * @example
 * readSnapshotFolderFacts('/repo/packages/domain/api-snapshots').files
 * // [{ path: 'packages/domain/api-snapshots/0.1.0.json', commits: ['3f2a…'] }]
 */
export function readSnapshotFolderFacts(folder: string): SnapshotFolderFacts {
  const root = gitReadOnly(['rev-parse', '--show-toplevel'], folder, WHY_GIT)
  if (gitReadOnly(['rev-parse', '--is-shallow-repository'], root, WHY_GIT) !== 'false') {
    throw new Error(
      `${root} is a shallow clone: its history may hide a rewritten snapshot.\n${WHY_GIT}`
    )
  }
  const folderPath = relative(root, folder).split('\\').join('/')
  const hasCommits = gitReadOnly(['rev-list', '--count', '--all'], root, WHY_GIT) !== '0'
  const everCommitted = hasCommits
    ? gitReadOnly(['log', '--format=', '--name-only', '--', folderPath], root, WHY_GIT)
        .split('\n')
        .filter(Boolean)
    : []
  let present: string[] = []
  try {
    present = readdirSync(folder).map((name) => `${folderPath}/${name}`)
  } catch {
    // No folder yet: only files git remembers.
  }
  const paths = [...new Set([...everCommitted, ...present])].sort()
  const files = paths.map((path) => ({
    path,
    commits: hasCommits
      ? gitReadOnly(['log', '--format=%H', '--', path], root, WHY_GIT).split('\n').filter(Boolean)
      : [],
  }))
  const status = gitReadOnly(
    ['status', '--porcelain=v1', '--untracked-files=all', '--', folderPath],
    root,
    WHY_GIT
  )
  return { files, statusLines: status.split('\n').filter(Boolean) }
}

/**
 * Why the snapshots of a folder cannot be trusted as released, one line each; empty when every
 * committed snapshot was committed once and is unchanged (not modified, staged, renamed or
 * deleted). A snapshot never committed yet is the one `pnpm version-packages` just wrote for the
 * release being cut: it becomes immutable with the release commit.
 *
 * @example
 * snapshotIntegrityProblems({
 *   files: [{ path: 'p/api-snapshots/0.1.0.json', commits: ['a', 'b'] }],
 *   statusLines: [],
 * }) // ['p/api-snapshots/0.1.0.json was committed 2 times (a, b); …']
 */
export function snapshotIntegrityProblems(facts: SnapshotFolderFacts): string[] {
  const committed = new Set(
    facts.files.filter((file) => file.commits.length > 0).map((file) => file.path)
  )
  const problems = facts.files
    .filter((file) => file.commits.length > 1)
    .map(
      (file) =>
        `${file.path} was committed ${file.commits.length} times (${file.commits.map((hash) => hash.slice(0, 10)).join(', ')}); ` +
        'a released snapshot is written once, when its version is cut, and never rewritten or deleted'
    )
  for (const line of facts.statusLines) {
    // `XY path` or `XY old -> new`: a rename names both.
    const paths = line
      .slice(3)
      .split(' -> ')
      .map((path) => path.replace(/^"|"$/g, ''))
    const touched = paths.filter((path) => committed.has(path))
    if (touched.length > 0) {
      problems.push(
        `${touched.join(', ')} has an uncommitted change (git status: ${JSON.stringify(line.slice(0, 2))}); ` +
          'a released snapshot never changes: restore it from git'
      )
    }
  }
  return problems
}

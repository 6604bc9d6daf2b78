import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { compareVersions, parseVersion } from './semver-order'

const require = createRequire(import.meta.url)

/**
 * The directory of a workspace package, found through its `./package.json` export (the API
 * depends on both published packages, so they resolve from here).
 *
 * @example
 * packageDirOf('@partner-center/domain') // '/repo/packages/domain'
 */
export function packageDirOf(name: string): string {
  return realpathSync(dirname(require.resolve(`${name}/package.json`)))
}

/**
 * The version in a package's package.json: the last release, since it only moves when
 * `pnpm version-packages` cuts one.
 *
 * @example
 * packageVersion('/repo/packages/domain') // '0.1.0'
 */
export function packageVersion(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version?: unknown
  }
  return parseVersion(String(manifest.version)).text
}

/**
 * The folder of a package's API snapshots, one `<version>.json` per release.
 *
 * @example
 * snapshotFolder('/repo/packages/domain') // '/repo/packages/domain/api-snapshots'
 */
export const snapshotFolder = (packageDir: string) => join(packageDir, 'api-snapshots')

/**
 * The snapshot file of one version of a package.
 *
 * @example
 * snapshotPath('/repo/packages/domain', '0.1.0') // '/repo/packages/domain/api-snapshots/0.1.0.json'
 */
export const snapshotPath = (packageDir: string, version: string) =>
  join(snapshotFolder(packageDir), `${version}.json`)

/**
 * The versions that have a snapshot, oldest first; throws on a file not named `<version>.json`.
 *
 * @example
 * snapshotVersions('/repo/packages/domain') // ['0.1.0', '1.0.0']
 */
export function snapshotVersions(packageDir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(snapshotFolder(packageDir))
  } catch {
    return []
  }
  return names
    .map((name) => {
      if (!name.endsWith('.json')) throw new Error(`${name} in api-snapshots is not <version>.json`)
      return parseVersion(name.slice(0, -'.json'.length)).text
    })
    .sort(compareVersions)
}

/**
 * The parsed snapshot of one version.
 *
 * @example
 * readSnapshot('/repo/packages/domain', '0.1.0') // { actionKeys: [...], failureCodes: {...} }
 */
export function readSnapshot(packageDir: string, version: string): unknown {
  return JSON.parse(readFileSync(snapshotPath(packageDir, version), 'utf8'))
}

/**
 * Writes the snapshot of a version only if it does not exist: a released snapshot is never
 * overwritten (the `wx` flag makes the file system refuse). Answers whether it wrote.
 *
 * @example
 * writeSnapshotOnce('/repo/packages/domain', '0.2.0', text) // true, then false
 */
export function writeSnapshotOnce(packageDir: string, version: string, text: string): boolean {
  mkdirSync(snapshotFolder(packageDir), { recursive: true })
  try {
    writeFileSync(snapshotPath(packageDir, version), text, { flag: 'wx' })
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

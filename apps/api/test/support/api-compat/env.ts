// The only file of the public-API check that reads process.env (the lint rule allows it in env.ts).

/**
 * The settings of test/public-api-compat.test.ts. `WRITE_API_SNAPSHOTS=1` (set by the root
 * `pnpm version-packages` after `changeset version`) makes it write the snapshot of each package's
 * new version when that file does not exist yet; unset, it only checks.
 *
 * @example
 * readApiCompatEnv({ WRITE_API_SNAPSHOTS: '1' }) // { writeMissingSnapshots: true }
 */
export function readApiCompatEnv(source: Record<string, string | undefined> = process.env): {
  writeMissingSnapshots: boolean
} {
  const value = source.WRITE_API_SNAPSHOTS
  // A typo such as `true` must not silently turn a release's writer into a plain check.
  if (value !== undefined && value !== '' && value !== '1') {
    throw new Error(`WRITE_API_SNAPSHOTS must be 1 or unset, not ${JSON.stringify(value)}`)
  }
  return { writeMissingSnapshots: value === '1' }
}

/** A release version `major.minor.patch` with an optional pre-release tag (`1.0.0-next.0`). */
export interface Version {
  major: number
  minor: number
  patch: number
  prerelease: string | null
  text: string
}

const VERSION = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/

/**
 * Parses a version as changesets writes it into package.json; throws on anything else.
 *
 * @example
 * parseVersion('1.2.3').major // 1
 */
export function parseVersion(text: string): Version {
  const match = VERSION.exec(text)
  if (!match) throw new Error(`not a release version: ${JSON.stringify(text)}`)
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? null,
    text,
  }
}

/** Compares two pre-release tags by semver's rules: numeric parts numerically, fewer parts first. */
function comparePrerelease(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = left[index]
    const y = right[index]
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x === y) continue
    const bothNumeric = /^\d+$/.test(x) && /^\d+$/.test(y)
    if (bothNumeric) return Number(x) - Number(y)
    return x < y ? -1 : 1
  }
  return 0
}

/**
 * Orders versions as semver does (a pre-release sorts before its release).
 *
 * @example
 * ['1.0.0', '0.2.0', '1.0.0-next.0'].sort(compareVersions) // ['0.2.0', '1.0.0-next.0', '1.0.0']
 */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a)
  const y = parseVersion(b)
  if (x.major !== y.major) return x.major - y.major
  if (x.minor !== y.minor) return x.minor - y.minor
  if (x.patch !== y.patch) return x.patch - y.patch
  if (x.prerelease === y.prerelease) return 0
  if (x.prerelease === null) return 1
  if (y.prerelease === null) return -1
  return comparePrerelease(x.prerelease, y.prerelease)
}

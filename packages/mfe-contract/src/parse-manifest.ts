import type { MfeManifest } from './types'

/**
 * The outcome of `parseManifest`: the manifest, or one message naming every problem found.
 *
 * @example
 * const parsed: ParseManifestResult = parseManifest(await response.json())
 * if (!parsed.ok) console.warn(parsed.error)
 */
export type ParseManifestResult = { ok: true; manifest: MfeManifest } | { ok: false; error: string }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} ${value}`
  }
  return typeof value
}

function checkText(json: Record<string, unknown>, key: string, problems: string[]): string {
  const value = json[key]
  if (typeof value === 'string' && value.trim() !== '') return value
  problems.push(`"${key}" must be a non-empty string (got ${describe(value)})`)
  return ''
}

/**
 * Validates untrusted JSON as an `MfeManifest` by hand (the package has no runtime
 * dependencies). It checks shape only; comparing `contractVersion` with `CONTRACT_VERSION` is
 * the host's decision, so a manifest from a newer contract still parses. Unknown fields are
 * dropped rather than rejected, so a build may add fields without breaking older hosts.
 *
 * @example
 * const parsed = parseManifest(await response.json())
 * if (!parsed.ok) throw new Error(parsed.error)
 * // parsed.error reads e.g. 'Invalid manifest: "entry" must be a non-empty string (got number 3)'
 * console.log(parsed.manifest.entry)
 */
export function parseManifest(json: unknown): ParseManifestResult {
  if (!isRecord(json)) {
    return { ok: false, error: `Invalid manifest: expected a JSON object (got ${describe(json)})` }
  }
  const problems: string[] = []
  const name = checkText(json, 'name', problems)
  const version = checkText(json, 'version', problems)
  const entry = checkText(json, 'entry', problems)

  const contractVersion = json.contractVersion
  if (
    typeof contractVersion !== 'number' ||
    !Number.isInteger(contractVersion) ||
    contractVersion < 1
  ) {
    problems.push(`"contractVersion" must be a positive integer (got ${describe(contractVersion)})`)
  }

  const css: string[] = []
  if (!Array.isArray(json.css)) {
    problems.push(`"css" must be an array of URLs, possibly empty (got ${describe(json.css)})`)
  } else {
    json.css.forEach((href: unknown, index) => {
      if (typeof href === 'string' && href.trim() !== '') css.push(href)
      else problems.push(`"css[${index}]" must be a non-empty string (got ${describe(href)})`)
    })
  }

  if (problems.length > 0) return { ok: false, error: `Invalid manifest: ${problems.join('; ')}` }
  return {
    ok: true,
    manifest: { name, version, contractVersion: contractVersion as number, entry, css },
  }
}

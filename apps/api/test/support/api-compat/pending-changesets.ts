import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The bump kinds a changeset may ask for, weakest first. */
const BUMPS = ['none', 'patch', 'minor', 'major'] as const

/** One bump kind of a changeset's front matter. */
export type Bump = (typeof BUMPS)[number]

/**
 * The packages and bumps the front matter of one changeset file asks for
 * (`"@partner-center/contracts": major`). Changesets writes YAML with quoted names; unquoted
 * ones are read too.
 *
 * @example
 * changesetBumps('---\n"@partner-center/domain": major\n---\n\nRemove LINK_REVOKED.\n')
 * // Map { '@partner-center/domain' => 'major' }
 */
export function changesetBumps(text: string): Map<string, Bump> {
  const bumps = new Map<string, Bump>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trim() !== '---') return bumps
  for (const line of lines.slice(1)) {
    if (line.trim() === '---') break
    const match = /^\s*(["']?)(@?[^"'\s:]+)\1\s*:\s*(["']?)(none|patch|minor|major)\3\s*$/.exec(
      line
    )
    if (match?.[2] && match[4]) bumps.set(match[2], match[4] as Bump)
  }
  return bumps
}

/**
 * The strongest bump each package gets from the changesets waiting in a `.changeset` folder (every
 * `*.md` but its README: `changeset version` deletes the ones it applies).
 *
 * @example
 * pendingBumps('/repo/.changeset').get('@partner-center/contracts') // 'major'
 */
export function pendingBumps(changesetDir: string): Map<string, Bump> {
  const strongest = new Map<string, Bump>()
  const files = readdirSync(changesetDir).filter(
    (name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md'
  )
  for (const file of files.sort()) {
    for (const [name, bump] of changesetBumps(readFileSync(join(changesetDir, file), 'utf8'))) {
      const before = strongest.get(name) ?? 'none'
      if (BUMPS.indexOf(bump) > BUMPS.indexOf(before)) strongest.set(name, bump)
    }
  }
  return strongest
}

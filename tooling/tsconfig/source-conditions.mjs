// The workspace resolves its published packages from their TypeScript sources: each package's
// `exports` has a condition (tsconfig.base.json `customConditions`, the one place it is named)
// pointing at `src/`, listed first; `publishConfig.exports` leaves it out, so a consumer of the
// tarball only ever sees `dist/`. TypeScript reads the condition from the tsconfig; Vite builds
// get it from here.
import { readFileSync } from 'node:fs'

const base = JSON.parse(readFileSync(new URL('../../tsconfig.base.json', import.meta.url), 'utf8'))

/**
 * The workspace-only export conditions, for Vite's `resolve.conditions` (before its defaults).
 *
 * @example
 * resolve: { conditions: [...sourceConditions(), ...defaultClientConditions] }
 * @returns {string[]}
 */
export function sourceConditions() {
  return [...(base.compilerOptions.customConditions ?? [])]
}

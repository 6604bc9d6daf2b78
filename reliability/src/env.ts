import { fileURLToPath } from 'node:url'

/**
 * The suite's settings, read once (the only reader of `process.env` in this package).
 * `RELIABILITY_PROFILE=full` is the documented full run; anything else is the fast subset that
 * the README's test command runs.
 */
export const PROFILE: 'full' | 'fast' = process.env.RELIABILITY_PROFILE === 'full' ? 'full' : 'fast'

/** The repository root and the built bundles the suite starts. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const API_BUNDLE = fileURLToPath(new URL('../../apps/api/dist/server.js', import.meta.url))
export const DISPATCHER_BUNDLE = fileURLToPath(
  new URL('../../apps/api/dist/dispatcher.js', import.meta.url)
)
/** Logs, dumps and per-file figures of a run (git-ignored). */
export const RUNS_DIR = fileURLToPath(new URL('../.runs/', import.meta.url))
/** The JSON report the figures of docs/reliability.md come from. */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url))

/** Picks the figure of the running profile. */
export function byProfile<T>(values: { fast: T; full: T }): T {
  return values[PROFILE]
}

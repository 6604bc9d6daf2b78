import { execFileSync } from 'node:child_process'

/**
 * Runs one git command that reads and never writes (`--no-optional-locks`: `git status` would
 * otherwise refresh the index, a write), in the repository holding `cwd`; answers its output.
 * Throws with `why` when git is missing or `cwd` is not in a repository, because the public-API
 * check has no honest answer without the history.
 *
 * @example
 * gitReadOnly(['rev-parse', '--show-toplevel'], '/repo/packages/domain', 'proof') // '/repo'
 */
export function gitReadOnly(args: readonly string[], cwd: string, why: string): string {
  try {
    return execFileSync('git', ['--no-optional-locks', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    }).trim()
  } catch (error) {
    const detail =
      error instanceof Error && 'stderr' in error && typeof error.stderr === 'string'
        ? error.stderr.trim() || error.message
        : String(error)
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${detail}\n${why}`, { cause: error })
  }
}

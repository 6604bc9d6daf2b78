import { capture, run } from './run.mjs'

const PNPM_VERSION = '10.34.9'

/**
 * Makes sure pnpm 10.34.9 is on the PATH. A fresh machine has only Node and npm; corepack's
 * signature check fails against our registry mirror, so pnpm comes from npm (architecture.md §12).
 */
export async function ensurePnpm() {
  if (capture('pnpm', ['--version']) === PNPM_VERSION) return
  console.log(`Installing pnpm ${PNPM_VERSION} with npm…`)
  const code = await run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`])
  if (code !== 0) throw new Error(`npm could not install pnpm@${PNPM_VERSION} (exit ${code})`)
}

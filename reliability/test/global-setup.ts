import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { PROFILE, REPO_ROOT, RESULTS_DIR } from '../src/env'
import { mergeSections } from '../src/report'

// Fresh figures per run; afterwards the sections become results/<profile>.json, formatted like
// every other file of the repository so the format check stays green after a run.
export function setup() {
  rmSync(join(RESULTS_DIR, PROFILE), { recursive: true, force: true })
}

export function teardown() {
  mergeSections()
  spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'prettier'), ['--write', RESULTS_DIR], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  })
}

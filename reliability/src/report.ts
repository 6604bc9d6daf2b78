import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROFILE, RESULTS_DIR } from './env'

/** Writes one test file's figures to `results/<profile>/<section>.json`. */
export function writeSection(section: string, figures: Record<string, unknown>) {
  const dir = join(RESULTS_DIR, PROFILE)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${section}.json`)
  let previous: Record<string, unknown> = {}
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch {
    // first write
  }
  writeFileSync(
    file,
    `${JSON.stringify({ ...previous, ...figures, writtenAt: new Date().toISOString() }, null, 2)}\n`
  )
}

/** Merges every section of the profile into `results/<profile>.json` (the run's report). */
export function mergeSections() {
  const dir = join(RESULTS_DIR, PROFILE)
  const report: Record<string, unknown> = { profile: PROFILE, mergedAt: new Date().toISOString() }
  try {
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      report[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, name), 'utf8'))
    }
  } catch {
    // nothing written
  }
  writeFileSync(join(RESULTS_DIR, `${PROFILE}.json`), `${JSON.stringify(report, null, 2)}\n`)
}

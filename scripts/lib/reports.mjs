import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'

const PROJECT_DIRS = ['apps', 'packages', 'tooling']

function reportDirs(root) {
  const dirs = [
    join(root, 'e2e', '.reports'),
    join(root, 'consumer', '.reports'),
    join(root, 'bench', '.reports'),
    join(root, 'reliability', '.reports'),
  ]
  for (const group of PROJECT_DIRS) {
    const groupDir = join(root, group)
    if (!existsSync(groupDir)) continue
    for (const name of readdirSync(groupDir)) dirs.push(join(groupDir, name, '.reports'))
  }
  return dirs.filter((dir) => existsSync(dir))
}

/** Deletes every suite report so a stale file can never count towards this run. */
export function clearReports(root) {
  for (const dir of reportDirs(root)) rmSync(dir, { recursive: true, force: true })
}

function countReport(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'))
  // vitest's json reporter (jest-compatible fields)
  if (typeof data.numPassedTests === 'number') {
    return {
      passed: data.numPassedTests,
      failed:
        data.numFailedTests + (data.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(data),
      skipped: (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0),
    }
  }
  // Playwright's json reporter
  if (data.stats && typeof data.stats.expected === 'number') {
    return {
      passed: data.stats.expected + (data.stats.flaky ?? 0),
      failed: data.stats.unexpected,
      skipped: data.stats.skipped ?? 0,
    }
  }
  throw new Error(`unknown report format: ${file}`)
}

// A suite that failed to load has no test results; count it as one failure, but do not count a
// suite twice when its tests already failed.
function countSuitesWithFailedTests(data) {
  return (data.testResults ?? []).filter(
    (suite) =>
      suite.status === 'failed' && (suite.assertionResults ?? []).some((t) => t.status === 'failed')
  ).length
}

/** Totals over every suite report: per-suite lines and the sums. */
export function collectTotals(root) {
  const suites = []
  for (const dir of reportDirs(root)) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
      const file = join(dir, name)
      suites.push({ name: relative(root, file), ...countReport(file) })
    }
  }
  const sum = (key) => suites.reduce((total, suite) => total + suite[key], 0)
  return { suites, passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') }
}

/** The line/branch coverage summary of one project (`coverage/coverage-summary.json`), or null. */
export function readCoverage(root, project) {
  const file = join(root, project, 'coverage', 'coverage-summary.json')
  if (!existsSync(file)) return null
  const { total } = JSON.parse(readFileSync(file, 'utf8'))
  const pct = (key) => `${total[key].pct}%`
  return `lines ${pct('lines')}, branches ${pct('branches')}, functions ${pct('functions')}, statements ${pct('statements')}`
}

/**
 * The checks `checkMicroFrontend` runs, in report order.
 *
 * @example
 * const check = report.checks.find((c) => c.name === MFE_CHECK_NAMES.unmount)
 */
export const MFE_CHECK_NAMES = {
  loads: 'loads a module that matches the contract',
  renders: 'renders content into each of two containers',
  independent: 'keeps two mounts on one page independent',
  locale: "re-renders on update({ locale: 'zh-CN' }) and sets lang on its root element",
  unmount: 'leaves empty containers and no link[data-mfe] after the last unmount',
  tokenRejected: 'keeps the host usable after a mount whose auth.getToken rejects',
  mountThrows: 'keeps the host usable after mount throws',
  uncaught: 'throws nothing uncaught',
} as const

/**
 * One of `MFE_CHECK_NAMES`' values.
 *
 * @example
 * const name: MfeCheckName = MFE_CHECK_NAMES.locale
 */
export type MfeCheckName = (typeof MFE_CHECK_NAMES)[keyof typeof MFE_CHECK_NAMES]

/**
 * The outcome of one check; `message` says what went wrong (or why it did not run).
 *
 * @example
 * const check: MfeCheck = { name: MFE_CHECK_NAMES.uncaught, ok: false, message: 'TypeError: x' }
 */
export interface MfeCheck {
  name: MfeCheckName
  ok: boolean
  message?: string
}

/**
 * What `checkMicroFrontend` resolves with: `passed` is true when every check is ok.
 *
 * @example
 * const report: MfeCheckReport = await checkMicroFrontend(options)
 * expect(report.passed).toBe(true)
 */
export interface MfeCheckReport {
  passed: boolean
  checks: MfeCheck[]
}

/**
 * Builds a check from the problems found: ok when there are none, else all of them joined.
 *
 * @example
 * toCheck(MFE_CHECK_NAMES.unmount, []) // { name, ok: true }
 */
export function toCheck(name: MfeCheckName, problems: readonly string[]): MfeCheck {
  return problems.length === 0
    ? { name, ok: true }
    : { name, ok: false, message: problems.join('; ') }
}

/**
 * Renders a report as readable lines, failures first in the summary line.
 *
 * @example
 * console.log(formatReport(report))
 * // Micro-frontend contract: 1 of 8 checks failed
 * //   ✓ loads a module that matches the contract
 * //   ✗ throws nothing uncaught: TypeError: x is undefined
 */
export function formatReport(report: MfeCheckReport): string {
  const failed = report.checks.filter((check) => !check.ok).length
  const summary =
    failed === 0
      ? `Micro-frontend contract: all ${report.checks.length} checks passed`
      : `Micro-frontend contract: ${failed} of ${report.checks.length} checks failed`
  const lines = report.checks.map(
    (check) => `  ${check.ok ? '✓' : '✗'} ${check.name}${check.message ? `: ${check.message}` : ''}`
  )
  return [summary, ...lines].join('\n')
}

import { formatReport, type MfeCheckReport } from './check-report'
import { checkMicroFrontend, type CheckMicroFrontendOptions } from './check-micro-frontend'

/**
 * Runs `checkMicroFrontend` and throws an Error whose message lists every check (✓/✗ with the
 * reason) when any fails; resolves with the report when all pass. Use it where a thrown error
 * is the natural failure: a vitest test, or a Playwright `page.evaluate`.
 *
 * @example
 * import { assertMicroFrontend } from '@partner-center/mfe-contract/testing'
 *
 * it('meets the micro-frontend contract', async () => {
 *   const report = await assertMicroFrontend({
 *     load: () => import('./lifecycle'),
 *     createContext: createFakeContext,
 *   })
 *   expect(report.passed).toBe(true)
 * })
 */
export async function assertMicroFrontend(
  options: CheckMicroFrontendOptions
): Promise<MfeCheckReport> {
  const report = await checkMicroFrontend(options)
  if (!report.passed) throw new Error(formatReport(report))
  return report
}

import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * The serious and critical axe violations of a page (or of the part `include` selects), one
 * line per element: the rule, the element and axe's reason (for contrast, the two colours and
 * the ratio), so a failing expectation says what to fix. Waits for running transitions first.
 * Sandboxed frames (the email preview, the mailbox) are left out: axe cannot run inside a frame
 * without scripts, and their content is the email, not the page.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // A dialog fades in: while its opacity transition runs, axe computes colours blended with the
  // page behind and reports contrast failures that no user sees once it has settled. Vue starts
  // a transition on the frame after it inserts the element, hence two frames first.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
      )
  )
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running')
  )
  let builder = new AxeBuilder({ page }).exclude('iframe[sandbox]')
  if (include) builder = builder.include(include)
  const results = await builder.analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const reason = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim()
        return `${violation.id}: ${node.target.join(' ')} (${reason})`
      })
    )
}

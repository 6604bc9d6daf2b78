import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { openCustomerDevelopment } from '../../support/customer-development'

async function seriousViolations(page: Page, include: string) {
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
  // The email preview frame is sandboxed without scripts, so axe cannot run inside it; its
  // content is the email, not the page.
  const results = await new AxeBuilder({ page })
    .include(include)
    .exclude('[data-testid="preview-html"]')
    .analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
    )
}

test('the page and its dialogs have no serious or critical accessibility violations', async ({
  page,
}) => {
  // Four axe runs are CPU-bound: on a loaded 2-core machine they alone can take most of a minute.
  test.slow()
  const module = await openCustomerDevelopment(page, 'admin@acme.example')
  expect(await seriousViolations(page, '[data-testid="customer-development"]')).toEqual([])

  await module.getByTestId('preregister-button').click()
  const preregister = page.getByRole('dialog', { name: 'Preregister Customer' })
  await expect(preregister).toBeVisible()
  await expect(preregister.getByLabel('Customer Name')).toBeVisible()
  expect(await seriousViolations(page, '[data-testid="customer-development"]')).toEqual([])
  // Esc closes the dialog and focus goes back to its opener.
  await page.keyboard.press('Escape')
  await expect(preregister).toBeHidden()
  await expect(module.getByTestId('preregister-button')).toBeFocused()

  await module
    .getByTestId('preregistration-table')
    .locator('[data-testid="row-invite"]:not([disabled])')
    .first()
    .click()
  const invite = page.getByRole('dialog', { name: 'Invite Customers' })
  await expect(invite).toBeVisible()
  expect(await seriousViolations(page, '[data-testid="customer-development"]')).toEqual([])

  // The Preview Email dialog (nothing is sent: it is closed without OK).
  await invite.getByTestId('preview-email').click()
  const preview = page.getByRole('dialog', { name: 'Email Preview' })
  // Its chunk and the server's rendering come on first use.
  await expect(preview.getByTestId('preview-subject')).not.toBeEmpty({ timeout: 30_000 })
  expect(await seriousViolations(page, '[data-testid="customer-development"]')).toEqual([])
})

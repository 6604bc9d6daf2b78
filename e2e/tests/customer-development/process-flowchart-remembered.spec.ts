import { expect, test } from '@playwright/test'
import { openCustomerDevelopment } from '../../support/customer-development'

test('the process flowchart is hidden by default and the choice is remembered for the user', async ({
  page,
}) => {
  const module = await openCustomerDevelopment(page, 'sales@acme.example')
  const flowchart = module.getByTestId('process-flowchart')
  await expect(flowchart).toHaveCount(0)

  await module.getByRole('button', { name: 'Show the process flowchart' }).click()
  await expect(flowchart).toBeVisible()
  for (const step of ['Pre-register', 'Invite', 'Customer accepts', 'Track']) {
    await expect(flowchart.getByText(step, { exact: true })).toBeVisible()
  }

  await page.reload()
  // After a reload the shell, the module and /me load again: slow on a busy machine.
  await expect(page.getByTestId('process-flowchart')).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Hide the process flowchart' }).click()
  await expect(page.getByTestId('process-flowchart')).toHaveCount(0)
})

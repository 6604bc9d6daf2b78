import { expect, test } from '@playwright/test'
import { openCustomerDevelopment, recordListQueries } from '../../support/customer-development'

test('a partner reveals the Email column through the API and masks it again', async ({ page }) => {
  const listQueries = recordListQueries(page)
  const module = await openCustomerDevelopment(page, 'admin@acme.example')
  const table = module.getByTestId('preregistration-table')
  await expect(table.getByText('n***@customer.example').first()).toBeVisible()

  await table.getByRole('button', { name: 'Show Email' }).click()
  await expect(table.getByText('new.alpha@customer.example')).toBeVisible()
  expect(listQueries.at(-1)).toContain('reveal=email')
  // Names stay masked: only the asked column is revealed.
  await expect(table.getByText('A***', { exact: true })).toBeVisible()

  // M8: the eye state holds across a refresh, which asks the API again.
  const before = listQueries.length
  await module.getByRole('button', { name: 'Refresh' }).click()
  await expect.poll(() => listQueries.length).toBeGreaterThan(before)
  expect(listQueries.at(-1)).toContain('reveal=email')
  await expect(table.getByText('new.alpha@customer.example')).toBeVisible()

  await table.getByRole('button', { name: 'Hide Email' }).click()
  await expect(table.getByText('new.alpha@customer.example')).toHaveCount(0)
  expect(listQueries.at(-1)).not.toContain('reveal=')
})

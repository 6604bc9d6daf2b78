import { expect, test } from '@playwright/test'
import { signIn } from '../../support/sign-in'

test('a partner admin signs in, opens Customer Development and sees the masked list', async ({
  page,
}, testInfo) => {
  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))

  await signIn(page, 'admin@acme.example')

  // Sales › Leads and Opportunities › Customer Development, through the top navigation.
  await page.getByRole('menuitem', { name: 'Sales' }).hover()
  await page.getByRole('menuitem', { name: 'Leads and Opportunities' }).hover()
  await page.getByRole('menuitem', { name: 'Customer Development', exact: true }).click()
  await expect(page).toHaveURL(/\/sales\/leads\/customer-development/)

  const module = page.getByTestId('customer-development')
  await expect(module.getByRole('heading', { name: 'Customer Development' })).toBeVisible()
  const table = module.getByTestId('preregistration-table')
  await expect(table.getByText('n***@customer.example').first()).toBeVisible()
  await expect(table.getByText('A***', { exact: true })).toBeVisible()
  // No unmasked customer value of the demo data reaches the page.
  await expect(module).not.toContainText('new.alpha@customer.example')
  await expect(module).not.toContainText('Alpha Robotics')

  const screenshot = testInfo.outputPath('customer-development-masked-list.png')
  await page.screenshot({ path: screenshot, fullPage: true })
  await testInfo.attach('masked list', { path: screenshot, contentType: 'image/png' })
  expect(uncaught).toEqual([])
})

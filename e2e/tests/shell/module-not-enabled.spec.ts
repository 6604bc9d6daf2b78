import { expect, test } from '@playwright/test'
import { signIn } from '../../support/sign-in'

test('a partner without Customer Development sees the contact message and no module loads', async ({
  page,
}) => {
  const moduleRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/mfe/') || request.url().includes('/customer-development/')) {
      moduleRequests.push(request.url())
    }
  })
  await signIn(page, 'admin@initech.example')
  await page.getByRole('menuitem', { name: 'Sales' }).hover()
  await page.getByRole('menuitem', { name: 'Leads and Opportunities' }).hover()
  await expect(
    page.getByRole('menuitem', { name: 'Customer Development', exact: true })
  ).toHaveCount(0)

  await page.goto('/sales/leads/customer-development')
  await expect(page.getByTestId('module-not-enabled')).toContainText(
    'Customer Development is not enabled for your organisation. Contact your ecosystem manager.'
  )
  expect(moduleRequests).toEqual([])
})

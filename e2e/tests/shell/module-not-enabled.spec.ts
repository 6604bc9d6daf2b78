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
  // The navigation is drawn (its other entries are there) ...
  await expect(page.getByRole('menuitem', { name: 'Mailbox' })).toBeVisible()
  // ... but Customer Development is its only entry under Sales › Leads and Opportunities, so
  // neither submenu is left behind empty (issue 16 item 9).
  await expect(
    page.getByRole('menuitem', { name: 'Customer Development', exact: true })
  ).toHaveCount(0)
  await expect(page.getByRole('menuitem', { name: 'Leads and Opportunities' })).toHaveCount(0)
  await expect(page.getByRole('menuitem', { name: 'Sales' })).toHaveCount(0)
  await expect(page.getByRole('main')).toContainText(
    'Customer Development is not enabled for your organisation. Contact your ecosystem manager.'
  )

  await page.goto('/sales/leads/customer-development')
  const message = page.getByTestId('module-not-enabled')
  await expect(message).toContainText(
    'Customer Development is not enabled for your organisation. Contact your ecosystem manager.'
  )
  // Whom to contact, by name (the demo partners' ecosystem manager, domain.md §10.1).
  await expect(message).toContainText(
    'Your ecosystem manager: Mei Chen (mei.chen@ecosystem.example)'
  )
  expect(moduleRequests).toEqual([])
})

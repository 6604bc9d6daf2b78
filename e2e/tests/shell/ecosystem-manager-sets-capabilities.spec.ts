import { expect, test, type Page } from '@playwright/test'
import { signIn } from '../../support/sign-in'

const MANAGER = 'manager@ecosystem.example'

/** A labelled control of one partner's row on the Partners page. */
function control(page: Page, role: 'switch' | 'spinbutton', field: string, partner: string) {
  return page.getByRole(role, { name: `${field} of ${partner}`, exact: true })
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/sign-in/)
}

test('the ecosystem manager enables Customer Development for a partner, whose users then see it', async ({
  page,
}) => {
  // Two sign-ins, a reload and a module load: more than the default budget on a busy machine.
  test.slow()
  // A partner of this spec alone, with the module off (domain.md §10.5).
  const name = `Capabilities E2E ${Date.now()}`
  const created = await page.request.post('/api/v1/test/partners', {
    data: {
      name,
      customerDevelopmentEnabled: false,
      referralModelEnabled: false,
      users: [{ role: 'admin' }],
    },
  })
  expect(created.status()).toBe(201)
  const fixture = (await created.json()) as { users: { email: string }[] }
  const partnerAdmin = fixture.users[0]!.email

  // The manager lands on Partners, not on the partner console they cannot use (R9).
  await signIn(page, MANAGER)
  await expect(page).toHaveURL(/\/admin\/partners$/)
  await expect(page.getByRole('menuitem', { name: 'Partners' })).toBeVisible()
  await expect(page.getByRole('menuitem', { name: 'Sales' })).toHaveCount(0)

  const customerDevelopment = control(page, 'switch', 'Customer Development', name)
  const referral = control(page, 'switch', 'Referral Model', name)
  const quota = control(page, 'spinbutton', 'Pre-registration Quota', name)
  await expect(customerDevelopment).toHaveAttribute('aria-checked', 'false')
  // Element Plus hides the switch's input and listens on its wrapper.
  await customerDevelopment.locator('..').click()
  await referral.locator('..').click()
  await quota.fill('5')
  await quota.press('Tab')
  await page.getByRole('button', { name: `Save ${name}`, exact: true }).click()
  await expect(page.getByText(`Changes to ${name} saved.`)).toBeVisible()

  // Stored, not just shown: a reload reads the partner back from the API.
  await page.reload()
  await expect(customerDevelopment).toHaveAttribute('aria-checked', 'true')
  await expect(referral).toHaveAttribute('aria-checked', 'true')
  await expect(quota).toHaveValue('5')
  await signOut(page)

  // The partner's user now has the menu entry and the module (applies from the next request).
  await signIn(page, partnerAdmin)
  await page.getByRole('menuitem', { name: 'Sales' }).hover()
  await page.getByRole('menuitem', { name: 'Leads and Opportunities' }).hover()
  await page.getByRole('menuitem', { name: 'Customer Development', exact: true }).click()
  const module = page.getByTestId('customer-development')
  await expect(module.getByRole('heading', { name: 'Customer Development' })).toBeVisible({
    timeout: 30_000,
  })

  // A partner admin who opens the manager's page is refused, and sees no partner data.
  await page.goto('/admin/partners')
  await expect(page.getByTestId('partners-not-permitted')).toContainText(
    'You are not permitted to manage partners.'
  )
  await expect(page.getByTestId('partners-table')).toHaveCount(0)
  await expect(page.getByRole('menuitem', { name: 'Partners' })).toHaveCount(0)
})

import { expect, test } from '@playwright/test'
import { waitForInvitationLink } from '../../support/mailbox'
import { DEMO_PASSWORD } from '../../support/sign-in'

test.use({ viewport: { width: 360, height: 780 } })

test('an account with reserved instances is refused the reseller model and told what to do', async ({
  page,
  request,
}) => {
  // P12 of the demo data: a reseller invitation to an account with valid reserved instances.
  const { link } = await waitForInvitationLink(request, 'reserved.instances@customer.example')
  await page.goto(link)
  await expect(page.getByTestId('association-type')).toContainText('Reseller')
  await page.getByRole('button', { name: 'I already have an account' }).click()
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('freeze-notice')).toBeVisible()
  await page.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await page.getByRole('button', { name: 'Accept and associate' }).click()

  const result = page.getByTestId('link-result')
  await expect(result).toHaveAttribute('data-code', 'RESELLER_BLOCKED_RESERVED_INSTANCES')
  await expect(result).toContainText(
    'Accounts with valid reserved instances cannot be associated in the reseller model.'
  )
  await expect(page.getByTestId('customer-action')).toHaveText('Contact your partner.')
  await expect(result).toContainText('partners@acme.example')
})

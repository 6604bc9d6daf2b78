import { expect, test } from '@playwright/test'
import { waitForInvitationLink } from '../../support/mailbox'
import { DEMO_PASSWORD } from '../../support/sign-in'

test.use({ viewport: { width: 360, height: 780 } })

test('an existing customer opens the emailed link on a phone, signs in and accepts the referral', async ({
  page,
  request,
}, testInfo) => {
  // P03 of the demo data: a referral invitation to fresh.eligible, who already has an account.
  const { link } = await waitForInvitationLink(request, 'fresh.eligible@customer.example')
  await page.goto(link)

  await expect(page.getByRole('heading', { name: /Acme Cloud Services invites you/ })).toBeVisible()
  await expect(page.getByTestId('association-type')).toContainText('Referral')
  await expect(page.getByTestId('invited-email')).toHaveText('fresh.eligible@customer.example')
  // Nothing is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(overflow).toBeLessThanOrEqual(360)

  await page.getByRole('button', { name: 'I already have an account' }).click()
  await expect(page.getByLabel('Email')).toHaveValue('fresh.eligible@customer.example')
  await expect(page.getByLabel('Email')).toHaveAttribute('readonly', '')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()

  const accept = page.getByRole('button', { name: 'Accept and associate' })
  await expect(accept).toBeDisabled()
  await page.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await accept.click()
  await expect(page.getByTestId('accept-success')).toContainText(
    'You are now associated with Acme Cloud Services'
  )
  await page.screenshot({ path: testInfo.outputPath('portal-accepted-360.png'), fullPage: true })

  // Reopening the used link points the customer to the console (R70).
  await page.goto(link)
  await page.reload()
  await expect(page.getByTestId('link-result')).toHaveAttribute('data-code', 'LINK_ALREADY_USED')
  await expect(page.getByRole('link', { name: 'Go to console' })).toBeVisible()
})

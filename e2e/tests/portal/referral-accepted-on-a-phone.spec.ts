import { expect, test } from '@playwright/test'
import { inviteViaApi, partnerWithPreregisteredCustomer } from '../../support/customer-development'
import { waitForInvitationLink } from '../../support/mailbox'

// The reference product's Referral definition as the customer reads it (domain.md §9.0), with
// the platform of the e2e run (PLATFORM_NAME's default).
const REFERRAL =
  'You sign a contract with Example Cloud. Example Cloud is responsible for your contracts, billing and invoices, and you pay Example Cloud.'
// Words only the reseller texts say: the partner's contract, support, the account freeze.
const RESELLER_ONLY = /support services|frozen|Under the reseller model/

test.use({ viewport: { width: 390, height: 844 } })

test('a referral invitation accepted on a phone says the referral definition and nothing of the reseller model', async ({
  page,
  request,
}, testInfo) => {
  test.slow()
  // A partner of its own with referral enabled (the fixture default) invites one new customer.
  const { partner, token, email, row } = await partnerWithPreregisteredCustomer(request, {
    customerName: 'Referral Phone',
    label: 'referral.phone',
  })
  await inviteViaApi(request, token, [row.id], 'referral')

  // The email says the same definition as the portal.
  const { link, message } = await waitForInvitationLink(request, email)
  expect(message.text).toContain(REFERRAL)
  expect(message.text).not.toMatch(RESELLER_ONLY)

  await page.goto(link)
  const type = page.getByTestId('association-type')
  await expect(type).toContainText('Referral')
  await expect(page.getByTestId('association-type-definition')).toHaveText(REFERRAL)
  // The name is said once, not "Referral — Referral: …".
  expect((await type.innerText()).match(/Referral/g)).toHaveLength(1)

  await page.getByRole('button', { name: 'Create an account' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Referral Owner')
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByLabel('I agree to the User Agreement and Privacy Statement').check()
  await page.getByRole('button', { name: 'Create account' }).click()

  // The accept step describes this invitation's type only.
  const accept = page.getByRole('button', { name: 'Accept and associate' })
  await expect(accept).toBeVisible()
  await expect(page.getByTestId('accept-association-type')).toContainText(
    'Association type: Referral'
  )
  await expect(page.getByTestId('accept-association-type')).toContainText(REFERRAL)
  await expect(page.getByTestId('freeze-notice')).toHaveCount(0)
  await page.getByText('Read the Partner Association Instructions').click()
  const instructions = page.getByTestId('association-instructions')
  await expect(instructions).toContainText(REFERRAL)
  await expect(page.locator('main')).not.toContainText(RESELLER_ONLY)
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await page.screenshot({
    path: testInfo.outputPath('portal-referral-accept-390.png'),
    fullPage: true,
  })

  await page.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await accept.click()
  const success = page.getByTestId('accept-success')
  await expect(success).toContainText(`You are now associated with ${partner.name}`)
  await expect(success).toContainText('Association type: Referral')
  await expect(success).not.toContainText(RESELLER_ONLY)
})

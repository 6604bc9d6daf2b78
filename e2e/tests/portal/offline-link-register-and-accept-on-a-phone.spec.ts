import { expect, test } from '@playwright/test'
import { expectPageSecurityHeaders, watchCspViolations } from '../../support/csp'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  uniqueTag,
} from '../../support/customer-development'
import {
  createCustomLinkViaApi,
  findLinkAssociationsViaApi,
  waitForEmailCode,
} from '../../support/offline-link-portal'

test('a partner creates a custom link; a customer opens it on a phone, registers with the emailed code and accepts; the partner sees the association with its tag', async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.slow()
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]
  if (!admin) throw new Error('fixture partner without an admin')
  const token = await apiToken(request, admin.email)
  const tag = `Spring fair ${uniqueTag()}`.slice(0, 32)
  const link = await createCustomLinkViaApi(request, token, {
    tag,
    associationType: 'reseller',
    expiresInDays: 30,
  })
  const code = new URL(link.url).hash.slice(1)
  const email = freshCustomerEmail('link.phone')

  // S25 on a phone: the partner, the type with its definition and note, the activity link's expiry.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } })
  const customer = await phone.newPage()
  const violations = await watchCspViolations(customer)
  const storedValues = () => customer.evaluate(() => Object.values(sessionStorage).join(' '))
  expectPageSecurityHeaders(await customer.goto(link.url))
  await expect(
    customer.getByRole('heading', {
      name: new RegExp(`^${partner.name} invites you to associate your .+ account$`),
    })
  ).toBeVisible()
  // R99: the code moved from the address bar to this tab's sessionStorage.
  await expect(customer).toHaveURL(new URL('/join', link.url).href)
  expect(await storedValues()).toContain(code)
  await expect(customer.getByTestId('association-type')).toContainText('Association type: Reseller')
  await expect(customer.getByTestId('freeze-notice')).toBeVisible()
  await expect(customer.getByTestId('link-expires')).toContainText('This link works until')
  await expect(customer.getByTestId('join-landing')).toContainText(
    'What happens next: create an account or sign in, confirm your email with a code, then accept the association.'
  )
  // The tag identifies the customer to the partner only (R100).
  await expect(customer.locator('body')).not.toContainText(tag)
  // Nothing is wider than the phone, on the opening page and on the code step.
  const pageWidth = () => customer.evaluate(() => document.documentElement.scrollWidth)
  expect(await pageWidth()).toBeLessThanOrEqual(360)
  await customer.screenshot({ path: testInfo.outputPath('join-landing-360.png'), fullPage: true })

  // S26: the form, Send Code, the neutral sentence and the code field.
  await customer.getByRole('button', { name: 'Create an account' }).click()
  await customer.getByLabel('Email').fill(email)
  await customer.getByLabel('Name', { exact: true }).fill('Link Owner')
  await customer.getByLabel('Password').fill('correct horse battery staple')
  await customer.getByLabel('I agree to the User Agreement and Privacy Statement').check()
  await customer.getByRole('button', { name: 'Send Code' }).click()
  await expect(customer.getByTestId('code-sent')).toHaveText(
    `If ${email} can be used to register, we have sent it a 6-digit code. If it already has an account, the email tells you to sign in instead.`
  )
  expect(await pageWidth()).toBeLessThanOrEqual(360)
  const field = customer.getByLabel('Verification Code')
  await expect(field).toHaveAttribute('inputmode', 'numeric')
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code')
  await expect(customer.getByTestId('email-code-expires')).toContainText('The code expires at')
  await expect(customer.getByTestId('resend-code')).toBeDisabled()
  await expect(customer.getByTestId('resend-code')).toHaveText(/^Resend in \d+ s$/)
  await customer.screenshot({ path: testInfo.outputPath('join-code-360.png'), fullPage: true })

  // The code arrives by email; a wrong one first says how many tries are left (R104).
  const emailCode = await waitForEmailCode(request, email)
  const wrong = String((Number(emailCode) + 1) % 1_000_000).padStart(6, '0')
  await field.fill(wrong)
  await customer.getByRole('button', { name: 'Confirm and Register' }).click()
  await expect(customer.getByTestId('email-code-error')).toHaveText(
    'The verification code is incorrect. 4 tries left'
  )
  await field.fill(emailCode)
  await customer.getByRole('button', { name: 'Confirm and Register' }).click()

  // S28: accept with S17's checkbox and button, then the result; the code is forgotten.
  const accept = customer.getByRole('button', { name: 'Accept and associate' })
  await expect(accept).toBeDisabled()
  await customer.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await accept.click()
  await expect(customer.getByTestId('accept-success')).toContainText(
    `You are now associated with ${partner.name}`
  )
  await expect(customer.getByTestId('accept-success')).toContainText('Association type: Reseller')
  await customer.screenshot({ path: testInfo.outputPath('join-success-360.png'), fullPage: true })
  expect(await storedValues()).not.toContain(code)

  // Opening the link again, still signed in: "Continue as", and accepting again points to the
  // console (R107: LINK_ALREADY_USED).
  await customer.goto('about:blank')
  await customer.goto(link.url)
  await customer.getByRole('button', { name: `Continue as ${email}` }).click()
  await customer.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await customer.getByRole('button', { name: 'Accept and associate' }).click()
  await expect(customer.getByTestId('link-result')).toHaveAttribute(
    'data-code',
    'LINK_ALREADY_USED'
  )
  await expect(customer.getByRole('link', { name: 'Go to console' })).toBeVisible()
  expect(violations).toEqual([])
  await phone.close()

  // The partner's list of customers associated through links has the customer with the tag
  // (R98), on the API and on the Offline Invitation tab.
  const associations = await findLinkAssociationsViaApi(request, token, tag)
  expect(associations.items.map((row) => [row.linkTag, row.channel])).toEqual([
    [tag, 'custom_link'],
  ])
  const module = await openCustomerDevelopment(page, admin.email)
  await module.getByRole('tab', { name: 'Offline Invitation' }).click()
  const table = module.getByTestId('link-associations-table')
  await expect(table.getByTestId('association-tag')).toHaveText([tag], { timeout: 30_000 })
})

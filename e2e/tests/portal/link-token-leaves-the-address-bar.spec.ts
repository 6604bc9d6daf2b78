import { expect, test } from '@playwright/test'
import { expectPageSecurityHeaders, watchCspViolations } from '../../support/csp'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  inviteViaApi,
  preregisterViaApi,
} from '../../support/customer-development'
import { waitForInvitationLink } from '../../support/mailbox'

test('the link token leaves the address bar on load, and a reload between register and accept still accepts', async ({
  page,
  request,
}) => {
  const violations = await watchCspViolations(page)
  const partner = await createFixturePartner(request)
  const token = await apiToken(request, partner.users[0]!.email)
  const email = freshCustomerEmail('reload')
  const preregistration = await preregisterViaApi(request, token, {
    customerName: 'Reload Works Ltd',
    email,
  })
  await inviteViaApi(request, token, [preregistration.id])
  const { link } = await waitForInvitationLink(request, email)
  const linkToken = new URL(link).hash.slice(1)
  const cleanAddress = new URL('/invite', link).href
  const storedValues = () => page.evaluate(() => Object.values(sessionStorage).join(' '))

  expectPageSecurityHeaders(await page.goto(link))
  await expect(
    page.getByRole('heading', { name: new RegExp(`${partner.name} invites you`) })
  ).toBeVisible()
  // The token moved from the address bar to this tab's sessionStorage.
  await expect(page).toHaveURL(cleanAddress)
  expect(await storedValues()).toContain(linkToken)

  await page.getByRole('button', { name: 'Create an account' }).click()
  await expect(page.getByLabel('Email')).toHaveValue(email)
  await page.getByLabel('Name', { exact: true }).fill('Reload Owner')
  await page.getByLabel('Password').fill('correct horse battery staple')
  await page.getByLabel('I agree to the User Agreement and Privacy Statement').check()
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('button', { name: 'Accept and associate' })).toBeVisible()

  // A reload of the clean address finds the link again and keeps the customer signed in.
  await page.reload()
  expect(page.url()).toBe(cleanAddress)
  await expect(
    page.getByRole('heading', { name: new RegExp(`${partner.name} invites you`) })
  ).toBeVisible()
  await page.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await page.getByRole('button', { name: 'Accept and associate' }).click()
  await expect(page.getByTestId('accept-success')).toContainText(
    `You are now associated with ${partner.name}`
  )

  // Accepted: the tab forgets the token, so a reload no longer reaches the link.
  expect(await storedValues()).not.toContain(linkToken)
  await page.reload()
  await expect(page.getByTestId('no-link')).toBeVisible()
  // The whole journey ran under the portal's CSP without a single refusal.
  expect(violations).toEqual([])
})

import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'
import { readMailbox, waitForInvitationLink } from '../../support/mailbox'

test('a partner invites through the page, the customer registers from the email and accepts, the partner sees Associated', async ({
  page,
  browser,
  request,
}, testInfo) => {
  test.slow()
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]
  if (!admin) throw new Error('fixture partner without an admin')
  const email = freshCustomerEmail('journey')
  await preregisterViaApi(request, await apiToken(request, admin.email), {
    customerName: 'Journey Robotics',
    email,
  })

  // The partner invites through the page (reseller, the default).
  const module = await openCustomerDevelopment(page, admin.email)
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await dialog.getByTestId('invite-ok').click()
  await expect(dialog.getByTestId('invite-progress-text')).toContainText('1 sent, 0 failed of 1', {
    timeout: 45_000,
  })

  // The email arrives at the SMTP sink; the customer opens its link on a phone.
  const { link } = await waitForInvitationLink(request, email)
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 } })
  const customer = await phone.newPage()
  await customer.goto(link)
  await expect(
    customer.getByRole('heading', { name: new RegExp(`${partner.name} invites you`) })
  ).toBeVisible()
  await customer.getByRole('button', { name: 'Create an account' }).click()
  await expect(customer.getByLabel('Email')).toHaveValue(email)
  await customer.getByLabel('Name', { exact: true }).fill('Journey Owner')
  await customer.getByLabel('Password').fill('correct horse battery staple')
  await customer.getByLabel('I agree to the User Agreement and Privacy Statement').check()
  await customer.getByRole('button', { name: 'Create account' }).click()
  await expect(customer.getByRole('button', { name: 'Accept and associate' })).toBeVisible()

  // A reload between registering and accepting keeps the customer signed in (R79).
  await customer.reload()
  await expect(customer.getByTestId('freeze-notice')).toBeVisible()
  await customer.getByLabel('I have read and agree to the Partner Association Instructions').check()
  await customer.getByRole('button', { name: 'Accept and associate' }).click()
  await expect(customer.getByTestId('accept-success')).toContainText(
    `You are now associated with ${partner.name}`
  )
  await customer.screenshot({ path: testInfo.outputPath('portal-success-360.png'), fullPage: true })
  await phone.close()

  // The success notice reaches the customer, and the partner's History Records says Associated.
  await expect
    .poll(
      async () => {
        const messages = await readMailbox(request)
        return messages.some(
          (m) => m.to.includes(email) && m.subject === `You are now associated with ${partner.name}`
        )
      },
      { timeout: 30_000 }
    )
    .toBe(true)
  await page.getByRole('button', { name: 'Close', exact: true }).click()
  await module.getByRole('tab', { name: 'History Records' }).click()
  await expect(module.getByTestId('history-status').first()).toContainText('Associated', {
    timeout: 30_000,
  })
})

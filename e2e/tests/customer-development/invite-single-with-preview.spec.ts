import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'
import { waitForInvitationLink } from '../../support/mailbox'

test('inviting one customer: preview the email in English and Chinese, send it, watch it go out', async ({
  page,
  request,
}) => {
  const partner = await createFixturePartner(request)
  const email = freshCustomerEmail('single')
  await preregisterViaApi(request, await apiToken(request, partner.users[0]!.email), {
    customerName: 'Single Invite Ltd',
    email,
  })

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  const table = module.getByTestId('preregistration-table')
  await table.getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await expect(dialog.getByTestId('invite-rows')).toContainText('S***')
  await expect(dialog.getByTestId('invite-rows')).toContainText('will be sent')
  // The referral text names the platform the API reports (GET /me platformName).
  await expect(dialog).toContainText(
    'The customer signs a contract with Example Cloud. Example Cloud is responsible for the customer’s contracts'
  )

  // R48: the exact email, masked, in a sandboxed frame, plus the plain text.
  await dialog.getByTestId('preview-email').click()
  const preview = page.getByRole('dialog', { name: 'Email Preview' })
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    `${partner.name} invites you to connect your Example Cloud account`
  )
  await expect(preview.getByTestId('preview-html')).toHaveAttribute('sandbox', '')
  const html = preview.frameLocator('[data-testid="preview-html"]')
  await expect(html.getByText(`An invitation from ${partner.name}`)).toBeVisible()
  await expect(html.locator('body')).toContainText('Hello S***,')
  // The same facts as the dialog's Reseller definition, addressed to the customer (§9.0).
  await expect(html.locator('body')).toContainText(
    `You sign a contract with ${partner.name}. ${partner.name} is responsible for your contracts, billing, invoices and support services, and you pay ${partner.name}.`
  )
  await preview.getByRole('tab', { name: 'Plain text' }).click()
  await expect(preview.getByTestId('preview-text')).toContainText(
    'Not expecting this? Ignore this email'
  )

  await preview.getByRole('tab', { name: '中文' }).click()
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    `${partner.name} 邀请您关联 Example Cloud 账号`
  )
  await preview.getByRole('tab', { name: 'HTML' }).click()
  await expect(html.getByText(`来自 ${partner.name} 的邀请`)).toBeVisible()
  await preview.getByRole('button', { name: 'Close this dialog' }).click()
  await expect(preview).toBeHidden()

  // OK once: one batch, then its progress until every email has left.
  await dialog.getByTestId('invite-ok').click()
  const result = dialog.getByTestId('invite-result')
  await expect(result).toContainText('1 queued, 0 skipped')
  await expect(result.getByTestId('invite-progress-text')).toContainText('1 sent, 0 failed of 1', {
    timeout: 45_000,
  })
  await expect(result.getByTestId('invite-progress-text')).toContainText(
    'All invitations processed.'
  )
  await expect(result.getByTestId('invite-progress')).toHaveAttribute('aria-valuenow', '100')

  const { message } = await waitForInvitationLink(request, email)
  expect(message.subject).toBe(`${partner.name} invites you to connect your Example Cloud account`)

  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(table.locator('tbody tr')).toContainText('Invited')
})

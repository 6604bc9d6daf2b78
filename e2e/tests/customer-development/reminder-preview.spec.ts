import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'

// Issue 20 item 5 (R119): the Invite dialog's "Preview Email" offers the reminder email next to
// the invitation, in both languages, while reminders are on (the default).
test('previewing the reminder email in English and Chinese', async ({ page, request }) => {
  const partner = await createFixturePartner(request)
  await preregisterViaApi(request, await apiToken(request, partner.users[0]!.email), {
    customerName: 'Reminder Preview Ltd',
    email: freshCustomerEmail('reminder-preview'),
  })

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await dialog.getByTestId('preview-email').click()
  const preview = page.getByRole('dialog', { name: 'Email Preview' })
  const kind = preview.getByTestId('preview-kind')
  await expect(kind).toContainText('Invitation')
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    `${partner.name} invites you to connect your Example Cloud account`
  )

  await kind.getByText('Reminder', { exact: true }).click()
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    new RegExp(`^Reminder: your invitation from ${partner.name} expires on .+ UTC$`)
  )
  const html = preview.frameLocator('[data-testid="preview-html"]')
  await expect(html.getByText(`Your invitation from ${partner.name} expires soon`)).toBeVisible()
  await expect(html.locator('body')).toContainText('This is the only reminder.')

  await preview.getByRole('tab', { name: '中文' }).click()
  await expect(preview.getByTestId('preview-subject')).toHaveText(
    new RegExp(`^提醒:${partner.name} 的邀请将于 .+\\(UTC\\) 失效$`)
  )
  await expect(html.getByText(`来自 ${partner.name} 的邀请即将失效`)).toBeVisible()
})

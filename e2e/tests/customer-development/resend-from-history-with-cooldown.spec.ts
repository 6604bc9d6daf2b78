import type { HistoryPage } from '@partner-center/contracts'
import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  inviteViaApi,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'

test('History Records shows the resend cooldown, and a Resend inside it is refused on its row with the time left', async ({
  page,
  request,
}) => {
  const partner = await createFixturePartner(request)
  const token = await apiToken(request, partner.users[0]!.email)
  const customer = await preregisterViaApi(request, token, {
    customerName: 'Resend Robotics',
    email: freshCustomerEmail('resend'),
  })
  await inviteViaApi(request, token, [customer.id])

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  await module.getByRole('tab', { name: 'History Records' }).click()
  const row = module.getByTestId('history-table').locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('history-status')).toHaveText('Invited')

  // S10: the invitation was created just now, so Resend waits out the 10-minute cooldown (R38)
  // and says for how long.
  const resend = row.getByTestId('row-resend')
  await expect(resend).toBeDisabled()
  await row.getByLabel(/^Resend: Available in (9|10) min$/).hover()
  await expect(page.getByRole('tooltip').filter({ hasText: 'Available in' })).toHaveText(
    /Available in (9|10) min/
  )

  // The server decides regardless (R7): a page whose list still offered Resend (here the list
  // answer is changed to say so, as if it were read before the invitation) gets the refusal
  // on the row, with the time left.
  await page.route('**/api/v1/customer-development/history**', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as HistoryPage
    for (const item of body.items) item.resendCheck = { allowed: true }
    await route.fulfill({ response, json: body })
  })
  await module.getByRole('button', { name: 'Refresh' }).click()
  await expect(resend).toBeEnabled()
  await resend.click()
  const confirm = page.getByRole('dialog', { name: 'Resend' })
  await expect(confirm).toContainText(
    /Send a new Reseller invitation to r\*\*\*@customer\.example\? The previous link will stop working\./
  )
  await confirm.getByRole('button', { name: 'OK' }).click()
  await expect(row.getByRole('status')).toHaveText(
    /An invitation was sent to this customer less than 10 minutes ago\. Available in (9|10) min/
  )
  // Nothing new was sent: still one invitation in History Records.
  await page.unroute('**/api/v1/customer-development/history**')
  await module.getByRole('button', { name: 'Refresh' }).click()
  await expect(row).toHaveCount(1)
  await expect(resend).toBeDisabled()
})

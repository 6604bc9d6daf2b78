import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'

test('inviting ten selected customers at once: one batch, progress to done, ten History rows', async ({
  page,
  request,
}) => {
  const partner = await createFixturePartner(request)
  const token = await apiToken(request, partner.users[0]!.email)
  for (let index = 1; index <= 10; index++) {
    await preregisterViaApi(request, token, {
      customerName: `Batch Customer ${index}`,
      email: freshCustomerEmail(`batch${index}`),
    })
  }
  const batches: string[] = []
  page.on('request', (request) => {
    if (
      request.method() === 'POST' &&
      request.url().endsWith('/customer-development/invitations')
    ) {
      batches.push(request.url())
    }
  })

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  const table = module.getByTestId('preregistration-table')
  await expect(table.locator('tbody tr')).toHaveCount(10)
  await table.locator('thead').getByRole('checkbox').click()
  await module.getByTestId('invite-button').click()

  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await expect(dialog.getByTestId('invite-rows').getByRole('listitem')).toHaveCount(10)
  await expect(dialog.getByTestId('invite-rows')).not.toContainText('will be skipped')
  await dialog.getByTestId('invite-ok').click()

  const result = dialog.getByTestId('invite-result')
  await expect(result).toContainText('10 queued, 0 skipped')
  await expect(result.getByTestId('invite-progress-text')).toContainText(
    '10 sent, 0 failed of 10',
    { timeout: 60_000 }
  )
  await expect(result.getByTestId('invite-progress-text')).toContainText(
    'All invitations processed.'
  )
  await expect(result.getByTestId('invite-progress')).toHaveAttribute('aria-valuenow', '100')
  expect(batches).toHaveLength(1)

  await dialog.getByRole('button', { name: 'View in History Records' }).click()
  await expect(dialog).toBeHidden()
  await expect(module.getByRole('tab', { name: 'History Records' })).toHaveAttribute(
    'aria-selected',
    'true'
  )
  const history = module.getByTestId('history-table')
  const rows = history.locator('tbody tr')
  await expect(rows).toHaveCount(10)
  await expect(rows.filter({ hasText: 'Invited' })).toHaveCount(10)
})

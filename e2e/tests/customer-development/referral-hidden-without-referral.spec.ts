import { expect, test } from '@playwright/test'
import { openCustomerDevelopment } from '../../support/customer-development'

test('a partner without the referral model is offered only Reseller in the Invite dialog', async ({
  page,
}) => {
  const module = await openCustomerDevelopment(page, 'admin@umbrella.example')
  const table = module.getByTestId('preregistration-table')
  await table.getByTestId('row-invite').first().click()

  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await expect(dialog).toBeVisible()
  const types = dialog.getByRole('radiogroup', { name: 'Association Type' })
  await expect(types.getByRole('radio')).toHaveCount(1)
  await expect(types.getByText('Reseller', { exact: true })).toBeVisible()
  await expect(dialog.getByText('Referral', { exact: true })).toHaveCount(0)
  await expect(dialog).toContainText('will be sent')
  await expect(dialog).toContainText(
    'Each link works once and stops working 7 days after it is sent.'
  )

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
})

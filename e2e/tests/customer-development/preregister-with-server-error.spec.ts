import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'

test('a refused pre-registration shows the catalogue message beside the form, then a new customer is pre-registered', async ({
  page,
  request,
}) => {
  // Two partners of this spec alone: the first holds a customer, the second asks for it (R23).
  const holder = await createFixturePartner(request)
  const partner = await createFixturePartner(request)
  const heldEmail = freshCustomerEmail('held')
  await preregisterViaApi(request, await apiToken(request, holder.users[0]!.email), {
    customerName: 'Held Customer',
    email: heldEmail,
  })

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  const table = module.getByTestId('preregistration-table')
  await expect(table).toContainText('No pre-registered customers yet.')

  await module.getByTestId('preregister-button').click()
  const dialog = page.getByRole('dialog', { name: 'Preregister Customer' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Customer Name').fill('Held Customer')
  await dialog.getByLabel('Email', { exact: true }).fill(heldEmail)
  await dialog.getByTestId('preregister-ok').click()

  // S8: the refusal stays beside the form, with the partner action and the protection date.
  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText('This customer is pre-registered by another partner.')
  await expect(refusal).toContainText('Not possible.')
  await expect(refusal).toContainText(/Protected until \d{4}-\d{2}-\d{2}\./)
  await expect(dialog.getByLabel('Customer Name')).toHaveValue('Held Customer')
  await expect(table).toContainText('No pre-registered customers yet.')

  // Another customer goes through, and the list shows the new row masked.
  const freshEmail = freshCustomerEmail('fresh')
  await dialog.getByLabel('Customer Name').fill('Fresh Robotics')
  await dialog.getByLabel('Email', { exact: true }).fill(freshEmail)
  await dialog.getByTestId('preregister-ok').click()
  await expect(dialog.getByTestId('preregister-outcome')).toContainText(
    /Pre-registered\. Valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./
  )
  await expect(refusal).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(dialog).toBeHidden()

  const row = table.locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('F***')
  await expect(row).toContainText('f***@customer.example')
  await expect(row).toContainText('Pre-registered')
})

import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  uniqueTag,
} from '../../support/customer-development'
import { associateThroughLinkViaApi, openOfflineTab } from '../../support/offline-links'
import { createCustomLinkViaApi } from '../../support/offline-link-portal'

// S23, S24 (R95, R98): a customer who registers and associates through a custom link is counted
// on the link and listed, masked, under "Customers Associated Through Links" with the link's
// tag; the customer's eye reveals the name and the email.
test('a customer associated through a custom link appears masked with its tag, and the eye reveals them', async ({
  page,
  request,
}) => {
  test.slow()
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]!
  const token = await apiToken(request, admin.email)
  const tag = `Expo ${uniqueTag()}`
  const link = await createCustomLinkViaApi(request, token, { tag })
  const email = freshCustomerEmail('linked')
  await associateThroughLinkViaApi(request, link.url, {
    email,
    displayName: 'Linked Customer',
  })

  const module = await openOfflineTab(page, admin.email)
  const linkRow = module.getByTestId('custom-links-table').locator('tbody tr').first()
  await expect(linkRow.getByTestId('link-tag')).toHaveText(tag)
  // Registrations and Associations: one each.
  await expect(linkRow.locator('td').nth(5)).toHaveText('1')
  await expect(linkRow.locator('td').nth(6)).toHaveText('1')

  const table = module.getByTestId('link-associations-table')
  const row = table.locator('tbody tr').first()
  await expect(row.getByTestId('association-tag')).toHaveText(tag)
  await expect(row.getByTestId('customer-email')).not.toHaveText(email)
  await expect(row.getByTestId('customer-email')).toContainText('***')
  await expect(row).toContainText('Reseller')

  await table.getByRole('button', { name: 'Show Customer' }).click()
  await expect(row.getByTestId('customer-email')).toHaveText(email)
  await expect(row.getByTestId('account-name')).toHaveText('Linked Customer')
  await table.getByRole('button', { name: 'Hide Customer' }).click()
  await expect(row.getByTestId('customer-email')).not.toHaveText(email)

  // Search by the tag (S24) keeps the row; another tag finds none.
  const search = module
    .getByTestId('link-associations')
    .getByPlaceholder('Search by customer or tag')
  await search.fill(tag)
  await expect(row.getByTestId('association-tag')).toHaveText(tag)
  await search.fill(`none ${uniqueTag()}`)
  await expect(table.getByText('No customer has associated through your links yet.')).toBeVisible()
})

import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  deleteViaApi,
  freshCustomerEmail,
  inviteViaApi,
  openCustomerDevelopment,
  preregisterViaApi,
  registerAndAcceptViaApi,
} from '../../support/customer-development'
import { waitForInvitationLink } from '../../support/mailbox'

test('Batch Delete deletes what it can and lists each skipped row with its reason', async ({
  page,
  request,
}) => {
  test.slow()
  const partner = await createFixturePartner(request)
  const token = await apiToken(request, partner.users[0]!.email)
  const add = async (name: string) => {
    const email = freshCustomerEmail(name.split(' ')[0]!.toLowerCase())
    return { email, row: await preregisterViaApi(request, token, { customerName: name, email }) }
  }
  await add('Alpha Trading')
  const beta = await add('Beta Foods')
  await add('Gamma Retail')
  // Delta Media becomes an associated customer: its pre-registration is CONVERTED, which
  // cannot be deleted (R32).
  const delta = await add('Delta Media')
  await inviteViaApi(request, token, [delta.row.id])
  const { link } = await waitForInvitationLink(request, delta.email)
  await registerAndAcceptViaApi(request, link)

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  const table = module.getByTestId('preregistration-table')
  const rows = table.locator('tbody tr')
  await expect(rows).toHaveCount(4)
  await expect(rows.filter({ hasText: 'D***' })).toContainText('Associated')
  await table.locator('thead').getByRole('checkbox').click()

  // Meanwhile a colleague deletes Beta Foods: the page still lists it as selected, and the API
  // decides each id on its own (R33), skipping it with NOT_FOUND.
  await deleteViaApi(request, token, beta.row.id)

  await module.getByTestId('batch-delete-button').click()
  const confirm = page.getByRole('dialog', { name: 'Batch Delete' })
  await expect(confirm).toContainText(
    'Delete 4 pre-registrations? Their open invitations will be withdrawn and other partners may then pre-register these customers.'
  )
  await confirm.getByRole('button', { name: 'OK' }).click()

  // S7: "N deleted, M skipped", then each skipped row (named as the list showed it) and why.
  const result = module.getByTestId('batch-delete-result')
  await expect(result).toContainText('2 deleted, 2 skipped')
  const skipped = result.getByTestId('batch-delete-skipped')
  await expect(skipped).toHaveCount(2)
  await expect(skipped.filter({ hasText: 'D***' })).toContainText(
    'The pre-registration of an associated customer cannot be deleted.'
  )
  await expect(skipped.filter({ hasText: 'B***' })).toContainText(
    'The requested item does not exist.'
  )
  // Only the associated customer is left in the list.
  await expect(rows).toHaveCount(1)
  await expect(rows).toContainText('D***')

  await result.getByRole('button', { name: 'Close' }).click()
  await expect(result).toBeHidden()
})

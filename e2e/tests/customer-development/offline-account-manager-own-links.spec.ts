import { expect, test } from '@playwright/test'
import { apiToken, createFixturePartner, uniqueTag } from '../../support/customer-development'
import { openOfflineTab } from '../../support/offline-links'
import { createCustomLinkViaApi } from '../../support/offline-link-portal'

// R90: for an account manager the tab holds their own links only; the others' do not exist.
test('an account manager sees and manages only their own custom links', async ({
  page,
  request,
}) => {
  const partner = await createFixturePartner(request, {
    users: [{ role: 'admin' }, { role: 'account_manager' }],
  })
  const [admin, manager] = partner.users
  const theirs = `Admin Fair ${uniqueTag()}`
  const own = `Manager Fair ${uniqueTag()}`
  await createCustomLinkViaApi(request, await apiToken(request, admin!.email), { tag: theirs })
  await createCustomLinkViaApi(request, await apiToken(request, manager!.email), { tag: own })

  const module = await openOfflineTab(page, manager!.email)
  await expect(module.getByTestId('general-link-tag')).toHaveText(manager!.email)
  const rows = module.getByTestId('custom-links-table').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.getByTestId('link-tag')).toHaveText(own)
  await expect(rows.getByTestId('row-disable')).toBeEnabled()
})

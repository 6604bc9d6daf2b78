import { expect, test } from '@playwright/test'
import { apiToken, createFixturePartner, uniqueTag } from '../../support/customer-development'
import { linkUrlViaApi, openOfflineTab } from '../../support/offline-links'
import { createCustomLinkViaApi } from '../../support/offline-link-portal'

// Issue 20 items 1 and 6 (S23, R93, R95–R97): a partner creates a custom link, finds it at the
// top of the list, copies it, disables it after the confirmation and enables it again.
test('a partner creates a custom link, copies it, disables and enables it', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]!
  const token = await apiToken(request, admin.email)
  // An older link, so the new one has to come out on top.
  await createCustomLinkViaApi(request, token, { tag: `Older ${uniqueTag()}` })
  const module = await openOfflineTab(page, admin.email)
  const table = module.getByTestId('custom-links-table')
  await expect(table.locator('tbody tr')).toHaveCount(1)

  const tag = `Spring Fair ${uniqueTag()}`
  await module.getByTestId('create-link-button').click()
  const dialog = page.getByTestId('create-link-dialog')
  await expect(dialog.getByText('The link never expires.')).toBeVisible()
  await dialog.getByLabel('Tag', { exact: true }).fill(tag)
  await dialog.getByTestId('create-link-activity').click()
  await dialog.getByLabel('Valid for').fill('14')
  await dialog.getByLabel('Valid for').blur()
  await expect(
    dialog.getByText('The link stops working 14 days after it is created.')
  ).toBeVisible()
  await dialog.getByTestId('create-link-ok').click()
  await expect(dialog).toBeHidden()

  // S23: at the top, active, with its expiry; "Link created" offers Copy.
  const first = table.locator('tbody tr').first()
  await expect(first.getByTestId('link-tag')).toHaveText(tag)
  await expect(first.getByTestId('link-status')).toHaveText('Active')
  await expect(table.locator('tbody tr')).toHaveCount(2)
  await expect(module.getByTestId('link-created')).toContainText('Link created')
  await expect(module.getByTestId('link-created-copy')).toHaveText('Copy')

  const links = await request.get(
    `/api/v1/customer-development/invitation-links?q=${encodeURIComponent(tag)}`,
    { headers: { authorization: `Bearer ${token}` } }
  )
  const created = ((await links.json()) as { items: { id: string; expiresAt: string }[] }).items[0]!
  expect(created.expiresAt).not.toBeNull()
  const url = await linkUrlViaApi(request, token, created.id)

  await first.getByTestId('row-copy').click()
  await expect(page.getByText('Link copied')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)

  // Disable asks first, naming the tag; then the row says Disabled and offers Enable.
  await first.getByTestId('row-disable').click()
  const confirm = module.locator('.cd-el-message-box')
  await expect(confirm).toContainText(`Disable the link "${tag}"?`)
  await expect(confirm).toContainText('It stops working at once;')
  await confirm.locator('.cd-el-message-box__btns .cd-el-button--primary').click()
  await expect(first.getByTestId('link-status')).toHaveText('Disabled')
  const resolved = await request.post('/api/v1/public/invitation-links/resolve', {
    data: { code: new URL(url).hash.slice(1) },
  })
  expect(resolved.status()).toBe(410)

  await first.getByTestId('row-enable').click()
  await expect(first.getByTestId('link-status')).toHaveText('Active')
  await expect(first.getByTestId('row-disable')).toBeEnabled()
})

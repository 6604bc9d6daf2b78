import { expect, test } from '@playwright/test'
import { apiToken, createFixturePartner, uniqueTag } from '../../support/customer-development'
import { openOfflineTab } from '../../support/offline-links'
import { createCustomLinkViaApi } from '../../support/offline-link-portal'

// R90, S22: a user whose role cannot invite has no general link (the page never asks for one)
// and sees every action of the tab disabled, saying why and whom to ask (S4).
const ASK_ADMIN =
  'Your role does not allow this. Ask your partner administrator to give your role this permission.'

test('a read-only user sees the actions disabled with whom to ask, and no general link is requested', async ({
  page,
  request,
}) => {
  const partner = await createFixturePartner(request, {
    users: [{ role: 'admin' }, { role: 'read_only' }],
  })
  const [admin, viewer] = partner.users
  const tag = `Viewer Fair ${uniqueTag()}`
  await createCustomLinkViaApi(request, await apiToken(request, admin!.email), { tag })

  const generalRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/invitation-links/general')) generalRequests.push(request.url())
  })
  const module = await openOfflineTab(page, viewer!.email)

  const card = module.getByTestId('general-link')
  await expect(card.getByTestId('general-link-no-permission')).toHaveText(
    'You have no general invitation link because your role cannot invite customers. Ask your partner administrator to give your role this permission.'
  )
  await expect(card.getByTestId('general-link-url')).toHaveCount(0)
  for (const label of ['Copy Link', 'Download QR Code', 'Reset']) {
    await expect(card.getByLabel(`${label}: ${ASK_ADMIN}`, { exact: true })).toBeVisible()
  }
  await expect(card.getByTestId('general-link-action').first()).toBeDisabled()

  await expect(module.getByTestId('create-link-button')).toBeDisabled()
  const row = module.getByTestId('custom-links-table').locator('tbody tr').first()
  await expect(row.getByTestId('link-tag')).toHaveText(tag)
  for (const [testId, label] of [
    ['row-copy', 'Copy'],
    ['row-download-qr', 'Download QR'],
    ['row-disable', 'Disable'],
  ] as const) {
    await expect(row.getByTestId(testId)).toBeDisabled()
    await expect(row.getByLabel(`${label}: ${ASK_ADMIN}`, { exact: true })).toBeVisible()
  }
  // The reason opens on keyboard focus.
  await row.getByLabel(`Copy: ${ASK_ADMIN}`, { exact: true }).focus()
  await expect(page.getByRole('tooltip').filter({ hasText: ASK_ADMIN, visible: true })).toHaveCount(
    1
  )

  await expect(module.getByTestId('link-associations-table')).toBeVisible()
  expect(generalRequests).toEqual([])
})

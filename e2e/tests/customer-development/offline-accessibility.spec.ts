import { expect, test } from '@playwright/test'
import { seriousViolations } from '../../support/accessibility'
import { apiToken, createFixturePartner, uniqueTag } from '../../support/customer-development'
import { LOCALES, rememberShellLocale } from '../../support/locales'
import { openOfflineTab } from '../../support/offline-links'
import { createCustomLinkViaApi } from '../../support/offline-link-portal'

const MODULE = '[data-testid="customer-development"]'

for (const { code } of LOCALES) {
  test(`the Offline Invitation tab, its Create dialog and its QR menu have no serious or critical accessibility violations in ${code}`, async ({
    page,
    request,
  }) => {
    test.slow()
    const partner = await createFixturePartner(request, {
      users: [{ role: 'admin' }, { role: 'read_only' }],
    })
    const [admin, viewer] = partner.users
    const token = await apiToken(request, admin!.email)
    await createCustomLinkViaApi(request, token, { tag: `Axe ${uniqueTag()}` })
    await createCustomLinkViaApi(request, token, {
      tag: `Axe Activity ${uniqueTag()}`,
      expiresInDays: 3,
    })

    await rememberShellLocale(page, code)
    const module = await openOfflineTab(page, admin!.email)
    await expect(module.getByTestId('qr-image')).toBeVisible()
    await expect(module.getByTestId('custom-links-table').locator('tbody tr')).toHaveCount(2)
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // The QR menu of a row, open.
    await module.getByTestId('row-download-qr').first().click()
    await expect(page.getByTestId('qr-png').filter({ visible: true })).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await page.keyboard.press('Escape')

    // The Create dialog with an activity link and a refused tag.
    await module.getByTestId('create-link-button').click()
    const dialog = page.getByTestId('create-link-dialog')
    await dialog.getByTestId('create-link-activity').click()
    await dialog.getByTestId('create-link-ok').click()
    await expect(dialog.locator('.cd-el-form-item__error')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    // A user who may not invite: the disabled actions and their reasons.
    const viewerModule = await openOfflineTab(page, viewer!.email)
    await expect(viewerModule.getByTestId('general-link-no-permission')).toBeVisible()
    await viewerModule.getByTestId('permission-hint').first().focus()
    await expect(page.getByRole('tooltip')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
  })
}

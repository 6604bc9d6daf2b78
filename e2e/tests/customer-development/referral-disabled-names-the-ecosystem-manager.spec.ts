import { expect, test, type Locator, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
  switchLanguage,
} from '../../support/customer-development'
import { signIn } from '../../support/sign-in'

// Issue 16 item 1 (reference product): Referral is shown in the Invite dialog in every case;
// without the referral model it is disabled, says to contact the ecosystem manager to apply for
// the permission and names the manager set on the Partners page. Screenshots for the note.
const SCREENSHOTS = fileURLToPath(new URL('../../.reports/screenshots/', import.meta.url))
const MANAGER = 'manager@ecosystem.example'
const UNAVAILABLE = 'Referral (contact your ecosystem manager to apply for the permission)'

/** A partner of this spec alone with one pre-registered customer; answers its admin's email. */
async function partnerWithACustomer(page: Page, body: Record<string, unknown>) {
  const partner = await createFixturePartner(page.request, body)
  const admin = partner.users[0]!.email
  const token = await apiToken(page.request, admin)
  await preregisterViaApi(page.request, token, {
    customerName: 'Referral Prospect',
    email: freshCustomerEmail('referral'),
  })
  return { ...partner, admin }
}

/** Opens the Invite dialog of the only row. */
async function openInvite(page: Page, module: Locator): Promise<Locator> {
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('radiogroup')).toBeVisible()
  return dialog
}

test('without the referral model, Referral is shown disabled and names the ecosystem manager set on the Partners page', async ({
  page,
}) => {
  // Two sign-ins, the Partners page and the module, in both languages.
  test.slow()
  const name = `Referral Off ${Date.now()}`
  const partner = await partnerWithACustomer(page, { name, referralModelEnabled: false })

  // The ecosystem manager records themself as the partner's contact (S13).
  await signIn(page, MANAGER)
  await page
    .getByRole('textbox', { name: `Ecosystem Manager of ${name}`, exact: true })
    .fill('Lena Wu')
  await page
    .getByRole('textbox', { name: `Ecosystem Manager Email of ${name}`, exact: true })
    .fill('Lena.Wu@Ecosystem.example')
  await page.getByRole('button', { name: `Save ${name}`, exact: true }).click()
  await expect(page.getByText(`Changes to ${name} saved.`)).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/sign-in/)

  const module = await openCustomerDevelopment(page, partner.admin)
  const dialog = await openInvite(page, module)
  const reseller = dialog.getByRole('radio', { name: 'Reseller', exact: true })
  const referral = dialog.getByRole('radio', { name: UNAVAILABLE, exact: true })
  await expect(dialog.getByRole('radio')).toHaveCount(2)
  await expect(reseller).toBeEnabled()
  await expect(reseller).toBeChecked()
  await expect(referral).toBeVisible()
  await expect(referral).toBeDisabled()
  await expect(dialog.getByTestId('type-contact')).toHaveText(
    'Your ecosystem manager: Lena Wu (lena.wu@ecosystem.example)'
  )

  // Not selectable: neither a click on its label nor the arrow keys choose it.
  await dialog.locator('.cd-el-radio', { hasText: 'Referral' }).click({ force: true })
  await expect(referral).not.toBeChecked()
  await reseller.focus()
  await page.keyboard.press('ArrowDown')
  await expect(reseller).toBeChecked()
  await expect(referral).not.toBeChecked()
  mkdirSync(SCREENSHOTS, { recursive: true })
  await dialog.screenshot({ path: `${SCREENSHOTS}invite-dialog-without-referral.png` })

  // The same in Chinese.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await switchLanguage(page, '简体中文')
  const zhDialog = await openInvite(page, module)
  const zhReferral = zhDialog.getByRole('radio', {
    name: '顾问销售(请联系您的生态经理申请权限)',
    exact: true,
  })
  await expect(zhReferral).toBeDisabled()
  await expect(zhReferral).not.toBeChecked()
  await expect(zhDialog.getByRole('radio', { name: '代售', exact: true })).toBeChecked()
  await expect(zhDialog.getByTestId('type-contact')).toHaveText(
    '您的生态经理:Lena Wu(lena.wu@ecosystem.example)'
  )
})

test('a partner with the referral model picks Referral and sends a referral invitation', async ({
  page,
}) => {
  const partner = await partnerWithACustomer(page, {
    referralModelEnabled: true,
    ecosystemManagerName: 'Lena Wu',
  })
  const module = await openCustomerDevelopment(page, partner.admin)
  const dialog = await openInvite(page, module)
  const referral = dialog.getByRole('radio', { name: 'Referral', exact: true })
  await expect(dialog.getByRole('radio')).toHaveCount(2)
  await expect(referral).toBeEnabled()
  await expect(dialog.getByText('contact your ecosystem manager')).toHaveCount(0)
  await expect(dialog.getByTestId('type-contact')).toHaveCount(0)

  await dialog.locator('.cd-el-radio', { hasText: 'Referral' }).click()
  await expect(referral).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'Reseller', exact: true })).not.toBeChecked()
  mkdirSync(SCREENSHOTS, { recursive: true })
  await dialog.screenshot({ path: `${SCREENSHOTS}invite-dialog-with-referral.png` })

  const sent = page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      new URL(request.url()).pathname.endsWith('/customer-development/invitations')
  )
  await dialog.getByTestId('invite-ok').click()
  expect((await sent).postDataJSON()).toMatchObject({ associationType: 'referral' })
  await expect(dialog).toContainText('1 queued, 0 skipped')
})

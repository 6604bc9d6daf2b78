import { expect, test, type Page } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  inviteViaApi,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'

// Issue 16 item 4 (reference product: "If you do not have customer development permissions,
// contact your ecosystem manager"): a control the role lacks stays, disabled, with the reason;
// a refused request says whom to contact: the partner administrator for a permission of the
// role, the ecosystem manager for a capability of the partner.
const ASK_ADMIN =
  'Your role does not allow this. Ask your partner administrator to give your role this permission.'
const MANAGER = 'manager@ecosystem.example'

/** A partner of this spec alone (admin and read-only user) with one invited customer. */
async function partnerWithAnInvitation(page: Page, body: Record<string, unknown> = {}) {
  const partner = await createFixturePartner(page.request, {
    users: [{ role: 'admin' }, { role: 'read_only' }],
    ...body,
  })
  const [admin, viewer] = partner.users
  const token = await apiToken(page.request, admin!.email)
  const row = await preregisterViaApi(page.request, token, {
    customerName: 'Permission Prospect',
    email: freshCustomerEmail('permission'),
  })
  return { partner, admin: admin!.email, viewer: viewer!.email, token, row }
}

test('a read-only user sees Preregister, Invite, Batch Delete, the row actions and Resend disabled with whom to ask', async ({
  page,
}) => {
  const { viewer, token, row } = await partnerWithAnInvitation(page)
  await inviteViaApi(page.request, token, [row.id])
  const module = await openCustomerDevelopment(page, viewer)
  // The rows only: ElTable also draws each column's template once, hidden, to measure it.
  const table = module.getByTestId('preregistration-table').locator('tbody')
  const toolbar = module.getByRole('toolbar')

  for (const [testId, label] of [
    ['preregister-button', 'Preregister Customer'],
    ['invite-button', 'Invite'],
    ['batch-delete-button', 'Batch Delete'],
  ] as const) {
    await expect(toolbar.getByTestId(testId)).toBeDisabled()
    await expect(toolbar.getByLabel(`${label}: ${ASK_ADMIN}`, { exact: true })).toBeVisible()
  }
  await expect(table.getByTestId('row-invite')).toBeDisabled()
  await expect(table.getByTestId('row-delete')).toBeDisabled()
  await expect(table.getByLabel(`Delete: ${ASK_ADMIN}`, { exact: true })).toBeVisible()

  // The reason opens on keyboard focus and on hover.
  const reason = page.getByRole('tooltip').filter({ hasText: ASK_ADMIN, visible: true })
  await toolbar.getByLabel(`Preregister Customer: ${ASK_ADMIN}`, { exact: true }).focus()
  await expect(reason).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(reason).toHaveCount(0)
  await table.getByLabel(`Invite: ${ASK_ADMIN}`, { exact: true }).hover()
  await expect(reason).toHaveCount(1)

  await module.getByRole('tab', { name: 'History Records' }).click()
  const history = module.getByTestId('history-table').locator('tbody')
  await expect(history.getByTestId('row-resend')).toBeDisabled()
  await expect(history.getByLabel(`Resend: ${ASK_ADMIN}`, { exact: true })).toBeVisible()
})

test('a request refused for a permission the role lacks says to ask the partner administrator', async ({
  page,
}) => {
  const { viewer } = await partnerWithAnInvitation(page)
  // The page still believes the role it loaded with (the administrator lowered it since).
  await page.route('**/api/v1/me', async (route) => {
    const response = await route.fetch()
    const me = (await response.json()) as { user: { role: string } }
    await route.fulfill({ response, json: { ...me, user: { ...me.user, role: 'sales' } } })
  })
  const module = await openCustomerDevelopment(page, viewer)
  await module.getByTestId('preregister-button').click()
  const dialog = page.getByRole('dialog', { name: 'Preregister Customer' })
  await dialog.getByLabel('Customer Name').fill('Refused Prospect')
  await dialog.getByLabel('Email', { exact: true }).fill(freshCustomerEmail('refused'))
  await dialog.getByTestId('preregister-ok').click()

  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText('Your role does not allow this.')
  await expect(refusal).toContainText(
    'Ask your partner administrator to give your role this permission.'
  )
  await expect(refusal).not.toContainText('ecosystem manager')
})

test('a referral invitation refused because the partner lost the referral model names the ecosystem manager', async ({
  page,
}) => {
  const { partner, admin } = await partnerWithAnInvitation(page, {
    referralModelEnabled: true,
    ecosystemManagerName: 'Lena Wu',
    ecosystemManagerEmail: 'lena.wu@ecosystem.example',
  })
  const module = await openCustomerDevelopment(page, admin)
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog')
  await dialog.locator('.cd-el-radio', { hasText: 'Referral' }).click()
  await expect(dialog.getByRole('radio', { name: 'Referral', exact: true })).toBeChecked()

  // Meanwhile the ecosystem manager withdraws the referral model (R9, from the next request).
  const withdrawn = await page.request.patch(`/api/v1/admin/partners/${partner.partnerId}`, {
    headers: { authorization: `Bearer ${await apiToken(page.request, MANAGER)}` },
    data: { referralModelEnabled: false },
  })
  expect(withdrawn.status(), await withdrawn.text()).toBe(200)

  await dialog.getByTestId('invite-ok').click()
  const refusal = dialog.getByRole('alert')
  await expect(refusal).toContainText('The referral model is not enabled for this partner.')
  await expect(refusal).toContainText(
    'Use the reseller model, or ask your ecosystem manager to apply for the referral permission.'
  )
  await expect(refusal).toContainText('Your ecosystem manager: Lena Wu (lena.wu@ecosystem.example)')
})

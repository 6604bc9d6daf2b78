import { expect, test } from '@playwright/test'
import {
  CUSTOMER_DEVELOPMENT_PATH,
  openCustomerDevelopment,
  partnerWithPreregisteredCustomer,
  switchLanguage,
} from '../../support/customer-development'

const HELP_PATH = `${CUSTOMER_DEVELOPMENT_PATH}/help`
// The partner's texts of domain.md §9.0 (the reference product's definitions).
const RESELLER =
  'The customer signs a contract with you. You are responsible for the customer’s contracts, billing, invoices and support services, and the customer pays you.'
const REFERRAL =
  'The customer signs a contract with Example Cloud. Example Cloud is responsible for the customer’s contracts, billing and invoices, and the customer pays Example Cloud.'
const FREEZE = 'Once associated, the customer’s account stays frozen until you set a budget for it.'

test('“For details” in the Invite dialog and the flowchart opens the help view below the module’s path, and it leads back', async ({
  page,
  request,
}, testInfo) => {
  test.slow()
  const { admin } = await partnerWithPreregisteredCustomer(request, {
    customerName: 'Help Robotics',
    label: 'help',
  })
  const module = await openCustomerDevelopment(page, admin.email)
  const help = module.getByTestId('help-view')

  // From the Invite dialog: its definitions are the domain's, the freeze a note apart.
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await expect(dialog.getByText(RESELLER, { exact: true })).toBeVisible()
  await expect(dialog.getByText(FREEZE, { exact: true })).toBeVisible()
  await expect(dialog.getByText(REFERRAL, { exact: true })).toBeVisible()
  await dialog
    .getByRole('link', { name: 'For details, see Inviting Pre-registered Customers' })
    .click()
  await expect(page).toHaveURL(HELP_PATH)
  await expect(
    help.getByRole('heading', { name: 'Inviting Pre-registered Customers' })
  ).toBeVisible()
  await expect(dialog).toHaveCount(0)
  for (const text of [RESELLER, FREEZE, REFERRAL]) {
    await expect(help.getByText(text, { exact: true })).toBeVisible()
  }
  await expect(help.getByRole('heading', { name: 'Pre-registration' })).toBeVisible()
  await expect(help.getByRole('heading', { name: 'The customer’s steps' })).toBeVisible()
  await help.getByTestId('help-back').click()
  await expect(page).toHaveURL(CUSTOMER_DEVELOPMENT_PATH)
  await expect(module.getByTestId('preregistration-table')).toBeVisible()

  // From the flowchart; the browser's back returns to the list.
  await module.getByRole('button', { name: 'Show the process flowchart' }).click()
  const flowchart = module.getByTestId('process-flowchart')
  await expect(flowchart.getByText(REFERRAL, { exact: true })).toBeVisible()
  await flowchart
    .getByRole('link', { name: 'For details, see Inviting Pre-registered Customers' })
    .click()
  await expect(page).toHaveURL(HELP_PATH)
  await expect(help).toBeVisible()
  await page.goBack()
  await expect(page).toHaveURL(CUSTOMER_DEVELOPMENT_PATH)
  await expect(help).toHaveCount(0)
  await expect(module.getByTestId('preregistration-table')).toBeVisible()

  // The path itself opens the view (a link works in any host), in Chinese too.
  await page.goto(HELP_PATH)
  await expect(help).toBeVisible({ timeout: 30_000 })
  await switchLanguage(page, '简体中文')
  await expect(help.getByRole('heading', { name: '线上邀请报备客户' })).toBeVisible()
  await expect(
    help.getByText(
      '客户与 Example Cloud 签订合同。Example Cloud 负责客户的合同、计费和发票,客户向 Example Cloud 付款。',
      {
        exact: true,
      }
    )
  ).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('help-view-zh-CN.png'), fullPage: true })
  await help.getByTestId('help-back-bottom').click()
  await expect(page).toHaveURL(CUSTOMER_DEVELOPMENT_PATH)
  await expect(module.getByTestId('preregistration-table')).toBeVisible()
})

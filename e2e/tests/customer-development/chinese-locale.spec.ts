import { expect, test } from '@playwright/test'
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
import { waitForInvitationLink } from '../../support/mailbox'

const SCREENSHOTS = fileURLToPath(new URL('../../.reports/screenshots/', import.meta.url))

test('switching to Chinese re-renders the page and keeps the eye state and the selection', async ({
  page,
}, testInfo) => {
  const module = await openCustomerDevelopment(page, 'admin@acme.example')
  const table = module.getByTestId('preregistration-table')
  await table.getByRole('button', { name: 'Show Email' }).click()
  await expect(table.getByText('new.alpha@customer.example')).toBeVisible()
  await table.locator('tbody').getByRole('checkbox').first().click()
  await expect(module.getByTestId('batch-delete-button')).toBeEnabled()

  const english = testInfo.outputPath('customer-development-en.png')
  await page.screenshot({ path: english, fullPage: true })
  await testInfo.attach('English', { path: english, contentType: 'image/png' })

  await switchLanguage(page, '简体中文')
  await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible()
  await expect(module).toHaveAttribute('lang', 'zh-CN')
  await expect(module.getByRole('tab', { name: '历史记录' })).toBeVisible()
  await expect(table.getByText('已报备').first()).toBeVisible()
  // S12: eye state and selection survive the language switch.
  await expect(table.getByText('new.alpha@customer.example')).toBeVisible()
  await expect(module.getByTestId('batch-delete-button')).toBeEnabled()

  const chinese = testInfo.outputPath('customer-development-zh-CN.png')
  await page.screenshot({ path: chinese, fullPage: true })
  await testInfo.attach('Chinese', { path: chinese, contentType: 'image/png' })
})

// Issue 16 item 5: the China console's words (cn-edition-facts.md). English keeps its own.
test('the Chinese page and portal use the China console’s words: 销售 > 拓新 > 客户拓展, 线上拓展, 确认, 关联类型', async ({
  page,
  browser,
  request,
}) => {
  test.slow()
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]
  if (!admin) throw new Error('fixture partner without an admin')
  const email = freshCustomerEmail('china')
  await preregisterViaApi(request, await apiToken(request, admin.email), {
    customerName: 'China Console Co',
    email,
    locale: 'zh-CN',
  })

  const module = await openCustomerDevelopment(page, admin.email)
  const breadcrumb = module.getByRole('navigation', { name: 'You are here' }).getByRole('listitem')
  await expect(breadcrumb).toHaveText(['Sales', 'Leads and Opportunities', 'Customer Development'])
  await expect(module.getByRole('tab', { name: 'From Partner Center' })).toBeVisible()
  await page.getByRole('menuitem', { name: 'Sales' }).hover()
  await expect(page.getByRole('menuitem', { name: 'Leads and Opportunities' })).toBeVisible()

  await switchLanguage(page, '简体中文')
  // The shell's menu and the page's own breadcrumb: 销售 > 拓新 > 客户拓展.
  await page.getByRole('menuitem', { name: '销售' }).hover()
  await page.getByRole('menuitem', { name: '拓新' }).hover()
  await expect(page.getByRole('menuitem', { name: '客户拓展', exact: true })).toBeVisible()
  await expect(
    module.getByRole('navigation', { name: '当前位置' }).getByRole('listitem')
  ).toHaveText(['销售', '拓新', '客户拓展'])
  // The menu closes when the pointer leaves it, uncovering the breadcrumb for the screenshot.
  await page.mouse.move(640, 600)
  await expect(page.getByRole('menuitem', { name: '客户拓展', exact: true })).toBeHidden()
  const listTab = module.getByRole('tab', { name: '线上拓展' })
  await expect(listTab).toHaveAttribute('aria-selected', 'true')
  await expect(module.getByRole('tab', { name: '来自合作伙伴中心' })).toHaveCount(0)
  const table = module.getByTestId('preregistration-table')
  await expect(table.getByText('C***', { exact: true })).toBeVisible()
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOTS}zh-CN-page.png`, fullPage: true })

  // A confirmation's OK is 确认 (here the delete question, answered 取消).
  await table.getByRole('button', { name: '删除', exact: true }).click()
  const question = page.getByRole('dialog', { name: '删除' })
  await expect(question.getByRole('button', { name: '确认' })).toBeVisible()
  await question.getByRole('button', { name: '取消' }).click()
  await expect(question).toBeHidden()

  // The Invite dialog: 关联类型, then 确认 sends.
  await table.getByRole('button', { name: '邀请', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '邀请客户' })
  await expect(dialog.getByRole('radiogroup', { name: '关联类型' })).toBeVisible()
  await expect(dialog.getByRole('group', { name: '关联类型' })).toBeVisible()
  await dialog.getByRole('button', { name: '确认' }).click()
  await expect(dialog.getByTestId('invite-progress-text')).toContainText('已发送 1 个', {
    timeout: 45_000,
  })
  await dialog.getByRole('button', { name: '在历史记录中查看' }).click()
  await expect(
    module.getByTestId('history-table').getByRole('columnheader', { name: '关联类型' })
  ).toBeVisible()

  // The portal says the same word for the type (the invitation is in Chinese).
  const { link } = await waitForInvitationLink(request, email)
  const customer = await browser.newPage()
  await customer.goto(link)
  await expect(customer.getByText('关联类型', { exact: true })).toBeVisible()
  await expect(customer.getByText('关联模式')).toHaveCount(0)
  await customer.close()
})

import { expect, test } from '@playwright/test'
import { openCustomerDevelopment, switchLanguage } from '../../support/customer-development'

test('switching to Chinese re-renders the page and keeps the eye state and the selection', async ({
  page,
}, testInfo) => {
  const module = await openCustomerDevelopment(page, 'admin@acme.example')
  const table = module.getByTestId('preregistration-table')
  await table.getByRole('button', { name: 'Show Email' }).click()
  await expect(table.getByText('new.alpha@customer.example')).toBeVisible()
  await table.locator('.el-table__body .el-checkbox').first().click()
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

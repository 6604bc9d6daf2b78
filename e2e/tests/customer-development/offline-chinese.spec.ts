import { expect, test } from '@playwright/test'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  switchLanguage,
  uniqueTag,
} from '../../support/customer-development'
import { associateThroughLinkViaApi, openOfflineTab } from '../../support/offline-links'
import { createCustomLinkViaApi } from '../../support/offline-link-portal'

// Wide enough for every column of the custom links without scrolling, for the screenshots.
test.use({ viewport: { width: 1440, height: 900 } })

// Issue 20 (S21–S24): the Offline Invitation tab in Chinese, in the China console's words
// (线下拓展, 通用邀请链接, 自定义标签, 复制, 关联类型) after switching from English in place; a
// screenshot of each language.
test('the Offline Invitation tab speaks Chinese: 线下拓展, 通用邀请链接, 自定义邀请链接, 通过链接关联的客户', async ({
  page,
  request,
}, testInfo) => {
  const partner = await createFixturePartner(request, { name: `示例伙伴 ${uniqueTag()}` })
  const admin = partner.users[0]!
  const token = await apiToken(request, admin.email)
  const fair = await createCustomLinkViaApi(request, token, { tag: `春季展会 ${uniqueTag()}` })
  // One customer associated through it, for S24's row.
  await associateThroughLinkViaApi(request, fair.url, {
    email: freshCustomerEmail('zh.linked'),
    displayName: '王小明',
  })
  await createCustomLinkViaApi(request, token, {
    tag: `Activity ${uniqueTag()}`,
    expiresInDays: 30,
  })

  // In English first, for the record.
  const module = await openOfflineTab(page, admin.email)
  await expect(module).toHaveAttribute('lang', 'en')
  await expect(module.getByRole('heading', { name: 'General Invitation Link' })).toBeVisible()
  await expect(module.getByRole('tab')).toHaveText([
    'From Partner Center',
    'Offline Invitation',
    'History Records',
  ])
  await expect(module.getByTestId('custom-links-table').locator('tbody tr')).toHaveCount(2)
  await module.getByTestId('qr-image').waitFor()
  const english = testInfo.outputPath('offline-en.png')
  await page.screenshot({ path: english, fullPage: true })
  await testInfo.attach('English', { path: english, contentType: 'image/png' })

  // Switched to Chinese in place: the tab's own strings come in that language (S12).
  await switchLanguage(page, '简体中文')
  await expect(module).toHaveAttribute('lang', 'zh-CN')
  const tabs = module.getByRole('tab')
  await expect(tabs).toHaveText(['线上拓展', '线下拓展', '历史记录'])
  await expect(module.getByRole('tab', { name: '线下拓展' })).toHaveAttribute(
    'aria-selected',
    'true'
  )
  await expect(
    module.getByText(
      '您可以将邀请链接或二维码发送给潜在客户。客户点击链接或扫描二维码即可完成注册并与您关联;标签用于标识客户通过哪个链接关联。'
    )
  ).toBeVisible()

  const card = module.getByTestId('general-link')
  await expect(card.getByRole('heading', { name: '通用邀请链接' })).toBeVisible()
  await expect(card.getByTestId('general-link-url')).toHaveValue(/\/join#/)
  for (const text of ['标签', '关联类型', '注册数', '关联数']) {
    await expect(card.getByText(text, { exact: true })).toBeVisible()
  }
  await expect(card.getByTestId('general-link-type')).toHaveText('代售')
  for (const name of ['复制链接', '下载二维码', '重置']) {
    await expect(card.getByRole('button', { name })).toBeVisible()
  }

  const custom = module.getByTestId('custom-links')
  await expect(custom.getByRole('heading', { name: '自定义邀请链接' })).toBeVisible()
  await expect(custom.getByRole('button', { name: '创建自定义链接' })).toBeVisible()
  await expect(custom.getByPlaceholder('按标签搜索')).toBeVisible()
  const headers = custom.getByTestId('custom-links-table').locator('thead th')
  await expect(headers).toHaveText([
    '标签',
    '关联类型',
    '创建人',
    '创建时间',
    '失效时间',
    '注册数',
    '关联数',
    '状态',
    '操作',
  ])
  const rows = custom.getByTestId('custom-links-table').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.getByTestId('link-status').first()).toHaveText('生效中')
  await expect(rows.filter({ hasText: '春季展会' })).toContainText('长期有效')
  for (const name of ['复制', '下载二维码', '停用']) {
    await expect(rows.first().getByRole('button', { name })).toBeVisible()
  }

  const associated = module.getByTestId('link-associations')
  await expect(associated.getByRole('heading', { name: '通过链接关联的客户' })).toBeVisible()
  await expect(associated.getByPlaceholder('按客户或标签搜索')).toBeVisible()
  const associatedRow = associated.getByTestId('link-associations-table').locator('tbody tr')
  await expect(associatedRow).toHaveCount(1)
  await expect(associatedRow.getByTestId('association-tag')).toHaveText(fair.item.tag)
  await expect(associatedRow).toContainText('代售')
  await expect(associated.locator('thead th')).toHaveText([
    '客户',
    '账号名称',
    '链接标签',
    '关联类型',
    '关联时间',
  ])

  // The Create dialog (S23), in the same words.
  await custom.getByRole('button', { name: '创建自定义链接' }).click()
  const dialog = page.getByTestId('create-link-dialog')
  await expect(dialog.getByText('链接长期有效。')).toBeVisible()
  await expect(dialog.getByText('活动链接(设置有效期)')).toBeVisible()
  await expect(dialog.getByRole('button', { name: '确认' })).toBeVisible()
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toBeHidden()

  await module.getByTestId('qr-image').waitFor()
  const chinese = testInfo.outputPath('offline-zh.png')
  await page.screenshot({ path: chinese, fullPage: true })
  await testInfo.attach('Chinese', { path: chinese, contentType: 'image/png' })
})

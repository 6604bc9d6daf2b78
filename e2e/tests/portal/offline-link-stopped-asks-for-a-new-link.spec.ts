import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { apiToken, createFixturePartner, uniqueTag } from '../../support/customer-development'
import {
  createCustomLinkViaApi,
  disableLinkViaApi,
  resetGeneralLinkViaApi,
} from '../../support/offline-link-portal'

test.use({ viewport: { width: 360, height: 740 } })

/** A fixture partner's custom link, disabled by its admin, with the admin's API token. */
async function disabledCustomLink(request: APIRequestContext) {
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]
  if (!admin) throw new Error('fixture partner without an admin')
  const token = await apiToken(request, admin.email)
  const link = await createCustomLinkViaApi(request, token, { tag: `Closed ${uniqueTag()}` })
  await disableLinkViaApi(request, token, link.item.id)
  return { partner, token, link }
}

/** Opens a link in a fresh document: a fragment change alone does not load the portal again. */
async function open(page: Page, url: string) {
  await page.goto('about:blank')
  await page.goto(url)
}

test('a disabled custom link and a reset general link say so and ask the partner for a new link, in English and Chinese, without a renewal button', async ({
  page,
  request,
}, testInfo) => {
  const { partner, token, link } = await disabledCustomLink(request)
  const stored = () => page.evaluate(() => Object.values(sessionStorage).join(' '))

  // S28: OFFLINE_LINK_DISABLED, the partner named, "Ask the partner for a new link." (R100).
  await open(page, link.url)
  const result = page.getByTestId('link-result')
  await expect(result).toHaveAttribute('data-code', 'OFFLINE_LINK_DISABLED')
  await expect(result.getByRole('heading')).toHaveText(
    'The partner has disabled this invitation link.'
  )
  await expect(page.getByTestId('customer-action')).toHaveText('Ask the partner for a new link.')
  // There is no invitation to renew (S25): no button at all on this page.
  await expect(result.getByRole('button')).toHaveCount(0)
  await expect(page.getByText(/for a new invitation/)).toHaveCount(0)
  // A link answer forgets the code (R99).
  expect(await stored()).not.toContain(new URL(link.url).hash.slice(1))

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(result.getByRole('heading')).toHaveText('合作伙伴已停用该邀请链接。')
  await expect(page.getByTestId('customer-action')).toHaveText('请联系合作伙伴获取新的链接。')
  await page.screenshot({ path: testInfo.outputPath('join-disabled-zh-360.png'), fullPage: true })

  // The old general link after a reset (R92) answers OFFLINE_LINK_RESET; the new one works.
  const general = await resetGeneralLinkViaApi(request, token)
  await open(page, general.oldUrl)
  await expect(result).toHaveAttribute('data-code', 'OFFLINE_LINK_RESET')
  await page.getByRole('combobox', { name: /Language|语言/ }).selectOption('en')
  await expect(result.getByRole('heading')).toHaveText(
    'This invitation link has been reset and no longer works.'
  )
  await expect(page.getByTestId('customer-action')).toHaveText('Ask the partner for a new link.')
  await expect(result.getByRole('button')).toHaveCount(0)

  await open(page, general.newUrl)
  await expect(
    page.getByRole('heading', { name: new RegExp(`^${partner.name} invites you to associate`) })
  ).toBeVisible()
})

test.describe('in a browser that prefers Chinese', () => {
  test.use({ locale: 'zh-CN' })

  test('a stopped link answers in Chinese at once: an error carries no locale, the browser’s language decides', async ({
    page,
    request,
  }) => {
    const { link } = await disabledCustomLink(request)
    await open(page, link.url)
    const result = page.getByTestId('link-result')
    await expect(result).toHaveAttribute('data-code', 'OFFLINE_LINK_DISABLED')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(result.getByRole('heading')).toHaveText('合作伙伴已停用该邀请链接。')
    await expect(page.getByTestId('customer-action')).toHaveText('请联系合作伙伴获取新的链接。')
  })
})

import { expect, test } from '@playwright/test'
import {
  apiToken,
  createCustomerAccount,
  createFixturePartner,
  freshCustomerEmail,
  uniqueTag,
} from '../../support/customer-development'
import { createCustomLinkViaApi, waitForEmailCode } from '../../support/offline-link-portal'
import { DEMO_PASSWORD } from '../../support/sign-in'

test.use({ viewport: { width: 360, height: 740 } })

test('a Chinese partner’s link opens in Chinese: a new customer registers with the code, and an existing one signs in, verifies the email and accepts', async ({
  page,
  request,
}, testInfo) => {
  test.slow()
  const partner = await createFixturePartner(request, { defaultLocale: 'zh-CN' })
  const token = await apiToken(request, partner.users[0]!.email)
  const link = await createCustomLinkViaApi(request, token, {
    tag: `展会 ${uniqueTag()}`,
    associationType: 'referral',
  })
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}-zh-360.png`), fullPage: true })

  // S25 in the partner's defaultLocale; a referral link shows no reseller note.
  await page.goto(link.url)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(
    page.getByRole('heading', { name: new RegExp(`^${partner.name} 邀请您关联 .+ 账号$`) })
  ).toBeVisible()
  await expect(page.getByTestId('association-type')).toContainText('关联类型:顾问销售')
  await expect(page.getByTestId('freeze-notice')).toHaveCount(0)
  await expect(page.getByTestId('link-expires')).toHaveCount(0)
  await expect(page.getByTestId('join-landing')).toContainText(
    '接下来:注册或登录账号,通过验证码验证邮箱,然后接受关联。'
  )
  await shot('join-landing')

  // S26 in Chinese, with the code email in Chinese (§12.7.1). A mistyped address first: "Change
  // email" goes back to the form with its values kept.
  const typo = freshCustomerEmail('link.zh.typo')
  const email = freshCustomerEmail('link.zh')
  await page.getByRole('button', { name: '注册账号' }).click()
  await page.getByLabel('邮箱').fill(typo)
  await page.getByLabel('姓名').fill('链接客户')
  await page.getByLabel('密码').fill('correct horse battery staple')
  await page.getByLabel('我已阅读并同意《用户协议》和《隐私声明》').check()
  await page.getByRole('button', { name: '获取验证码' }).click()
  await expect(page.getByTestId('code-sent')).toHaveText(
    `如 ${typo} 可用于注册,我们已向其发送 6 位验证码;如该邮箱已注册,邮件将提示您直接登录。`
  )
  await expect(page.getByTestId('resend-code')).toHaveText(/^\d+ 秒后可重新获取$/)
  await expect(page.getByTestId('email-code-expires')).toContainText('验证码将于')
  await shot('join-code')
  await page.getByRole('button', { name: '修改邮箱' }).click()
  await expect(page.getByLabel('邮箱')).toHaveValue(typo)
  await expect(page.getByLabel('姓名')).toHaveValue('链接客户')
  await expect(page.getByLabel('我已阅读并同意《用户协议》和《隐私声明》')).toBeChecked()
  await page.getByLabel('邮箱').fill(email)
  await page.getByRole('button', { name: '获取验证码' }).click()
  await expect(page.getByTestId('code-sent')).toContainText(email)
  const code = await waitForEmailCode(request, email)
  await page.getByLabel('验证码').fill(code)
  await page.getByRole('button', { name: '确认并注册' }).click()
  await expect(page.getByRole('button', { name: '接受并关联' })).toBeDisabled()
  await shot('join-accept')
  await page.getByLabel('我已阅读并同意《合作伙伴关联须知》').check()
  await page.getByRole('button', { name: '接受并关联' }).click()
  await expect(page.getByTestId('accept-success')).toContainText(`您已成功关联 ${partner.name}`)
  await shot('join-success')

  // S27: an existing customer whose email is not verified signs in, then confirms it by code.
  const existing = await createCustomerAccount(request, {
    email: freshCustomerEmail('link.zh.old'),
  })
  await page.goto('about:blank')
  await page.goto(link.url)
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.getByRole('button', { name: '我已有账号' }).click()
  await page.getByLabel('邮箱').fill(existing.email)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  const verify = page.getByTestId('verify-email')
  await expect(verify.getByRole('heading')).toHaveText('验证您的邮箱')
  await expect(verify).toContainText(
    `通过链接接受关联前,请先通过邮件验证码验证 ${existing.email}。`
  )
  await verify.getByRole('button', { name: '获取验证码' }).click()
  const verification = await waitForEmailCode(request, existing.email)
  await verify.getByLabel('验证码').fill(verification)
  await shot('join-verify')
  // A long address in the sentence does not widen the phone's page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await verify.getByRole('button', { name: '确认', exact: true }).click()
  await page.getByLabel('我已阅读并同意《合作伙伴关联须知》').check()
  await page.getByRole('button', { name: '接受并关联' }).click()
  await expect(page.getByTestId('accept-success')).toContainText(`您已成功关联 ${partner.name}`)
})

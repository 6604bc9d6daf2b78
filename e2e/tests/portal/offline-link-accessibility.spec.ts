import { expect, test } from '@playwright/test'
import { seriousViolations } from '../../support/accessibility'
import {
  apiToken,
  createCustomerAccount,
  createFixturePartner,
  freshCustomerEmail,
  uniqueTag,
} from '../../support/customer-development'
import { LOCALES } from '../../support/locales'
import {
  createCustomLinkViaApi,
  disableLinkViaApi,
  waitForEmailCode,
} from '../../support/offline-link-portal'
import { DEMO_PASSWORD } from '../../support/sign-in'

// Each language meets the accept step of one association type, so both types are covered.
const TYPE = { en: 'reseller', 'zh-CN': 'referral' } as const

for (const { code: locale } of LOCALES) {
  test(`the invitation-link pages (opening, sign-in, email code, accept, result, register form, stopped link) have no serious or critical accessibility violations in ${locale}`, async ({
    page,
    request,
  }) => {
    // Nine axe runs and two emailed codes: most of a minute on a loaded 2-core machine.
    test.slow()
    const partner = await createFixturePartner(request, { defaultLocale: locale })
    const token = await apiToken(request, partner.users[0]!.email)
    const link = await createCustomLinkViaApi(request, token, {
      tag: `a11y ${uniqueTag()}`,
      associationType: TYPE[locale],
      expiresInDays: 7,
    })
    const account = await createCustomerAccount(request, {
      email: freshCustomerEmail('a11y.link'),
    })

    // S25, in the partner's language.
    await page.goto(link.url)
    await expect(page.locator('#summary-heading')).toContainText(partner.name)
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    expect.soft(await seriousViolations(page)).toEqual([])

    // S27: sign-in, then the email step of an unverified account, its code and a wrong code.
    await page.locator('[data-testid="join-landing"] .secondary').click()
    await page.locator('#sign-in-email').fill(account.email)
    await page.locator('#sign-in-password').fill(DEMO_PASSWORD)
    expect.soft(await seriousViolations(page)).toEqual([])
    await page.locator('form .primary').click()
    const verify = page.getByTestId('verify-email')
    await expect(verify).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await verify.locator('.primary').click()
    const emailCode = await waitForEmailCode(request, account.email)
    const wrong = String((Number(emailCode) + 1) % 1_000_000).padStart(6, '0')
    await page.locator('#email-code').fill(wrong)
    await verify.locator('form .primary').click()
    await expect(page.getByTestId('email-code-error')).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await page.locator('#email-code').fill(emailCode)
    await verify.locator('form .primary').click()

    // S28: accept, then the result.
    const accept = page.locator('section[aria-labelledby="accept-heading"]')
    await expect(accept).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await accept.locator('input[type="checkbox"]').check()
    await accept.locator('.primary').click()
    await expect(page.getByTestId('accept-success')).toContainText(partner.name)
    expect.soft(await seriousViolations(page)).toEqual([])

    // The link again, signed in ("Continue as"), then signed out: the register form's errors.
    await page.goto('about:blank')
    await page.goto(link.url)
    const landing = page.getByTestId('join-landing')
    await expect(landing.locator('.primary')).toContainText(account.email)
    expect.soft(await seriousViolations(page)).toEqual([])
    await landing.locator('.secondary').click()
    // Signing out answers first; until then the primary button is still "Continue as".
    await expect(landing.locator('.primary')).not.toContainText(account.email)
    await landing.locator('.primary').click()
    await page.locator('form .primary').click()
    await expect(page.locator('.field-error').first()).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])

    // A stopped link (S28 with no renewal).
    await disableLinkViaApi(request, token, link.item.id)
    await page.goto('about:blank')
    await page.goto(link.url)
    await expect(page.getByTestId('link-result')).toHaveAttribute(
      'data-code',
      'OFFLINE_LINK_DISABLED'
    )
    await page.locator('.language select').selectOption(locale)
    expect.soft(await seriousViolations(page)).toEqual([])
  })
}

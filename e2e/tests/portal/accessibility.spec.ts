import { expect, test } from '@playwright/test'
import { seriousViolations } from '../../support/accessibility'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  inviteViaApi,
  preregisterViaApi,
} from '../../support/customer-development'
import { LOCALES } from '../../support/locales'
import { waitForInvitationLink } from '../../support/mailbox'

// Each language meets the accept step of one association type, so both types are covered.
const TYPE = { en: 'reseller', 'zh-CN': 'referral' } as const

for (const { code } of LOCALES) {
  test(`the portal's landing, sign-in, register, accept, result and link-problem pages have no serious or critical accessibility violations in ${code}`, async ({
    page,
    request,
  }) => {
    // Seven axe runs and a registration: most of a minute on a loaded 2-core machine.
    test.slow()
    const partner = await createFixturePartner(request)
    const email = freshCustomerEmail('a11y.portal')
    const token = await apiToken(request, partner.users[0]!.email)
    const row = await preregisterViaApi(request, token, {
      customerName: 'Access Portal Ltd',
      email,
      locale: code,
    })
    await inviteViaApi(request, token, [row.id], TYPE[code])
    const { link } = await waitForInvitationLink(request, email)

    // Landing, in the invitation's language.
    await page.goto(link)
    await expect(page.locator('#summary-heading')).toContainText(partner.name)
    await expect(page.locator('html')).toHaveAttribute('lang', code)
    expect.soft(await seriousViolations(page)).toEqual([])

    // Sign in with an account the address does not have: the form and its refusal.
    await page.locator('.actions .secondary').click()
    await page.locator('#sign-in-password').fill('not the password')
    await page.locator('form .primary').click()
    await expect(page.locator('.form-error')).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])

    // Register: the form's own errors, then a new account.
    await page.locator('form button.link').click()
    await page.locator('form .primary').click()
    await expect(page.locator('.field-error').first()).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await page.locator('#register-name').fill('Access Owner')
    await page.locator('#register-password').fill('correct horse battery staple')
    await page.locator('form input[type="checkbox"]').check()
    await page.locator('form .primary').click()

    // Accept, then the result.
    const accept = page.locator('section[aria-labelledby="accept-heading"]')
    await expect(accept).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await accept.locator('input[type="checkbox"]').check()
    await accept.locator('.primary').click()
    await expect(page.getByTestId('accept-success')).toContainText(partner.name)
    expect.soft(await seriousViolations(page)).toEqual([])

    // Link problems: the used link, and an expired one (P04 of the demo data) that offers to ask
    // the partner for a new invitation.
    // The portal is at /invite already: only a reload reads a link's fragment again.
    await page.goto(link)
    await page.reload()
    await expect(page.getByTestId('link-result')).toHaveAttribute('data-code', 'LINK_ALREADY_USED')
    expect.soft(await seriousViolations(page)).toEqual([])
    const expired = await waitForInvitationLink(request, 'new.gamma@customer.example')
    await page.goto(expired.link)
    await page.reload()
    await expect(page.getByTestId('link-result')).toHaveAttribute('data-code', 'LINK_EXPIRED')
    await page.locator('.language select').selectOption(code)
    await expect(page.locator('html')).toHaveAttribute('lang', code)
    expect.soft(await seriousViolations(page)).toEqual([])
  })
}

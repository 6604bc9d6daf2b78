import { expect, test, type FrameLocator, type Locator } from '@playwright/test'
import { expectPageSecurityHeaders, watchCspViolations } from '../../support/csp'
import {
  apiToken,
  createFixturePartner,
  CUSTOMER_DEVELOPMENT_PATH,
  freshCustomerEmail,
  preregisterViaApi,
} from '../../support/customer-development'
import { waitForInvitationLink } from '../../support/mailbox'
import { signIn } from '../../support/sign-in'

/**
 * The styles the email's inline CSS gives its body, heading and button (EmailLayout.vue,
 * InvitationEmail.vue); a browser's defaults are a transparent body, a black heading and an
 * unstyled link.
 */
async function emailStyles(frame: FrameLocator) {
  const style = (element: Locator, property: 'backgroundColor' | 'color') =>
    element.first().evaluate((el, p) => getComputedStyle(el)[p], property)
  return {
    body: await style(frame.locator('body'), 'backgroundColor'),
    heading: await style(frame.locator('h1'), 'color'),
    button: await style(
      frame.getByRole('link', { name: 'Review the invitation' }),
      'backgroundColor'
    ),
  }
}

const STYLED = {
  body: 'rgb(246, 248, 250)',
  heading: 'rgb(17, 24, 39)',
  button: 'rgb(37, 99, 235)',
}

test('Preview Email and the Mailbox show the email styled under the CSP, with no violation', async ({
  page,
  request,
}) => {
  test.slow()
  const violations = await watchCspViolations(page)
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]!
  const email = freshCustomerEmail('csp')
  await preregisterViaApi(request, await apiToken(request, admin.email), {
    customerName: 'Styled Mail Ltd',
    email,
  })

  await signIn(page, admin.email)
  const consolePage = await page.goto(CUSTOMER_DEVELOPMENT_PATH)
  expectPageSecurityHeaders(consolePage)
  const module = page.getByTestId('customer-development')
  await expect(module.getByTestId('preregistration-table')).toBeVisible({ timeout: 30_000 })

  // Preview Email: the sandboxed srcdoc frame inherits the console's CSP (style-src allows inline).
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await dialog.getByTestId('preview-email').click()
  const preview = page.getByRole('dialog', { name: 'Email Preview' })
  const previewHtml = preview.frameLocator('[data-testid="preview-html"]')
  await expect(previewHtml.getByText(`An invitation from ${partner.name}`)).toBeVisible()
  expect(await emailStyles(previewHtml)).toEqual(STYLED)
  await preview.getByRole('button', { name: 'Close this dialog' }).click()

  // Send it, then read it in the shell's Mailbox page.
  await dialog.getByTestId('invite-ok').click()
  await expect(dialog.getByTestId('invite-progress-text')).toContainText('1 sent, 0 failed of 1', {
    timeout: 45_000,
  })
  await waitForInvitationLink(request, email)
  const mailbox = await page.goto('/mailbox')
  expectPageSecurityHeaders(mailbox)
  await page.locator('.el-table__row', { hasText: email }).click()
  const message = page.getByRole('article', { name: 'Selected message' })
  await expect(message).toContainText(`To: ${email}`)
  const mailboxHtml = message.frameLocator('iframe[title="HTML part"]')
  await expect(mailboxHtml.getByText(`An invitation from ${partner.name}`)).toBeVisible()
  expect(await emailStyles(mailboxHtml)).toEqual(STYLED)

  expect(violations).toEqual([])
})

import { HistoryPage } from '@partner-center/contracts'
import { expect, test } from '@playwright/test'
import { e2eEnv } from '../../env'
import {
  apiToken,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
  switchLanguage,
} from '../../support/customer-development'
import { consoleLimits } from '../../support/limits'
import { waitForInvitationLink } from '../../support/mailbox'

const DAY_MS = 86_400_000

// Issue 16 item 6: the suite runs the API with INVITATION_TTL_DAYS=5 (playwright.config.ts), and
// every number the page states is the one GET /me reports, never a 7 of the page's own.
test('the page states the link validity and protection of the configuration, and links last that long', async ({
  page,
  request,
}) => {
  test.slow()
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]
  if (!admin) throw new Error('fixture partner without an admin')
  const token = await apiToken(request, admin.email)
  const headers = { authorization: `Bearer ${token}` }

  const limits = await consoleLimits(request, admin.email)
  expect(limits.invitationTtlDays).toBe(e2eEnv.invitationTtlDays)
  const ttl = limits.invitationTtlDays
  const protection = limits.preregistrationValidityDays

  const email = freshCustomerEmail('limits')
  await preregisterViaApi(request, token, { customerName: 'Limits Robotics', email })

  // S2: the flowchart states both numbers.
  const module = await openCustomerDevelopment(page, admin.email)
  await module.getByTestId('flowchart-toggle').click()
  const flow = module.getByTestId('process-flowchart')
  await expect(flow).toContainText(`Claim the customer for ${protection} days.`)
  await expect(flow).toContainText(`the link works for ${ttl} days.`)

  // S9: the Invite dialog states the link validity; the invitation goes out.
  await module.getByTestId('preregistration-table').getByTestId('row-invite').click()
  const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
  await expect(dialog.getByTestId('validity-note')).toHaveText(
    `Each link works once and stops working ${ttl} days after it is sent. Ask your customers to act before then.`
  )
  await dialog.getByTestId('invite-ok').click()
  await expect(dialog.getByTestId('invite-progress-text')).toContainText('1 sent, 0 failed of 1', {
    timeout: 45_000,
  })

  // The link really expires `ttl` days after its first token (R51), and the email says when.
  const history = await request.get('/api/v1/customer-development/history', { headers })
  expect(history.ok(), await history.text()).toBe(true)
  const [invitation] = HistoryPage.parse(await history.json()).items
  if (!invitation?.sentAt || !invitation.expiresAt) throw new Error('no sent invitation')
  const lifetime = Date.parse(invitation.expiresAt) - Date.parse(invitation.sentAt)
  // The token is issued just before SMTP accepts the message, so the link's clock starts first.
  expect(lifetime).toBeLessThanOrEqual(ttl * DAY_MS)
  expect(lifetime).toBeGreaterThan(ttl * DAY_MS - 60_000)
  const { message } = await waitForInvitationLink(request, email)
  // §9.4: `{expires}` is "22 Jan 2025, 09:30 UTC".
  const expiry = new Date(invitation.expiresAt)
  const month = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[expiry.getUTCMonth()]
  const expiryText = `${expiry.getUTCDate()} ${month} ${expiry.getUTCFullYear()}, ${invitation.expiresAt.slice(11, 16)} UTC`
  expect(message.text?.replace(/\s+/g, ' ')).toContain(`expires on ${expiryText}.`)

  // History Records shows that expiry in local time, with UTC on keyboard focus (R6).
  await dialog.getByRole('button', { name: 'View in History Records' }).click()
  const row = module.getByTestId('history-table').locator('tbody tr').first()
  const localExpiry = await page.evaluate((iso) => {
    const date = new Date(iso)
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
  }, invitation.expiresAt)
  const expiresCell = row.getByTestId('local-time').filter({ hasText: localExpiry })
  await expect(expiresCell).toHaveCount(1)
  await expiresCell.focus()
  await expect(page.getByRole('tooltip')).toHaveText(
    `${invitation.expiresAt.slice(0, 16).replace('T', ' ')} UTC`
  )

  // The same numbers in Chinese.
  await switchLanguage(page, '简体中文')
  await module.getByRole('tab', { name: '线上拓展' }).click()
  await expect(flow).toContainText(`报备客户,保护期 ${protection} 天。`)
  await expect(flow).toContainText(`链接 ${ttl} 天内有效。`)
})

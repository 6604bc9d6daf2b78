import { expect, test } from '@playwright/test'
import {
  createCustomerAccount,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
} from '../../support/customer-development'
import { consoleLimits } from '../../support/limits'

const DAY_MS = 86_400_000

test('pre-registering an account older than the age limit with spending ends in manual review, explained in the dialog and on the row', async ({
  page,
  request,
}) => {
  // R25: an existing account older than ACCOUNT_MAX_AGE_DAYS, or with cash spend, goes to manual
  // review; the texts state the limits GET /me reports.
  const partner = await createFixturePartner(request)
  const limits = await consoleLimits(request, partner.users[0]!.email)
  const age = `${limits.accountMaxAgeDays} days`
  const timeout = `${limits.reviewTimeoutDays} days`
  const account = await createCustomerAccount(request, {
    email: freshCustomerEmail('old.spender'),
    registeredAt: new Date(Date.now() - 120 * DAY_MS).toISOString(),
    hasCashSpend: true,
  })

  const module = await openCustomerDevelopment(page, partner.users[0]!.email)
  await module.getByTestId('preregister-button').click()
  const dialog = page.getByRole('dialog', { name: 'Preregister Customer' })
  await dialog.getByLabel('Customer Name').fill('Old Spender Holdings')
  await dialog.getByLabel('Email', { exact: true }).fill(account.email)
  await dialog.getByTestId('preregister-ok').click()

  // S8: the outcome says why and what happens next; nothing was refused.
  await expect(dialog.getByTestId('preregister-outcome')).toContainText(
    `Sent for manual review: the account is older than ${age} or has spending. Your ecosystem manager will decide within ${timeout}.`
  )
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(dialog).toBeHidden()

  // The list shows the row as Pending review, with the same explanation on the status, and
  // Invite disabled with the reason (only pre-registered rows can be invited, R38).
  const row = module.getByTestId('preregistration-table').locator('tbody tr')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('O***')
  await expect(row).toContainText('Pending review')
  const hint = row.getByTestId('review-hint')
  await hint.hover()
  await expect(page.getByRole('tooltip').filter({ hasText: 'In manual review' })).toContainText(
    `In manual review: the account is older than ${age} or has spending.`
  )
  await expect(row.getByTestId('row-invite')).toBeDisabled()
  await expect(
    row.getByLabel("Invite: This customer's pre-registration is not active.")
  ).toBeVisible()
})

import { expect, test } from '@playwright/test'
import { openCustomerDevelopment } from '../../support/customer-development'

// Read-only on the seeded Acme data (domain.md §10.3): P11, P13, P14 and P02's first invitation.
test('History Records shows why an invitation failed, the Withdrawn and Superseded labels, and filters by status', async ({
  page,
}) => {
  const module = await openCustomerDevelopment(page, 'admin@acme.example')
  await module.getByRole('tab', { name: 'History Records' }).click()
  const history = module.getByTestId('history-table')
  const rows = history.locator('tbody tr')

  // P11 Unpaid Bills Ltd: Association failed, the cause and the partner action on hover.
  const unpaid = rows.filter({ hasText: 'U***' })
  await expect(unpaid.getByTestId('history-status')).toHaveText('Association failed')
  await unpaid.getByTestId('failure-info').hover()
  const tooltip = page.getByRole('tooltip').filter({ hasText: 'unpaid bills' })
  await expect(tooltip).toContainText(
    'The account has unpaid bills. Ask the customer to settle the bills, then send the invitation email again.'
  )

  // P13 Zeta Systems: Sending failed, with DELIVERY_FAILED's message and action.
  const zeta = rows.filter({ hasText: 'Z***' })
  await expect(zeta.getByTestId('history-status')).toHaveText('Sending failed')
  await expect(zeta.getByTestId('failure-info')).toHaveAccessibleName(
    'Details: The invitation email could not be delivered. Check the email address with the customer, then send the invitation email again.'
  )

  // P14 Withdrawn Co and P02's first invitation: our two extra labels.
  await expect(rows.filter({ hasText: 'W***' }).getByTestId('history-status')).toHaveText(
    'Withdrawn'
  )
  await expect(
    rows.filter({ hasText: 'B***' }).getByTestId('history-status').filter({ hasText: 'Superseded' })
  ).toHaveCount(1)

  // The status filter asks the API for one label only.
  const queries: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/customer-development/history')) {
      queries.push(new URL(request.url()).searchParams.get('status') ?? '')
    }
  })
  await module.getByTestId('status-filter').click()
  await module.getByRole('option', { name: 'Association failed' }).click()
  await expect.poll(() => queries.at(-1)).toBe('ASSOCIATION_FAILED')
  await expect(rows.filter({ hasText: 'U***' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'Z***' })).toHaveCount(0)
  for (const label of await rows.getByTestId('history-status').allTextContents()) {
    expect(label.trim()).toBe('Association failed')
  }
})

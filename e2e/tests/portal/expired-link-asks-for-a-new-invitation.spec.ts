import { expect, test } from '@playwright/test'
import { waitForInvitationLink } from '../../support/mailbox'

test('a customer with an expired link asks the partner for a new invitation, in Chinese', async ({
  page,
  request,
}) => {
  // P04 of the demo data: a reseller invitation to new.gamma that expired.
  const { link } = await waitForInvitationLink(request, 'new.gamma@customer.example')
  await page.goto(link)

  const result = page.getByTestId('link-result')
  await expect(result).toHaveAttribute('data-code', 'LINK_EXPIRED')
  await expect(result).toContainText('This invitation link has expired.')
  await expect(page.getByTestId('customer-action')).toHaveText(
    'Ask your partner to send a new invitation.'
  )

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN')
  await expect(page.getByTestId('customer-action')).toHaveText('请联系合作伙伴重新发送邀请。')
  await expect(result).toContainText('该邀请链接已过期。')
  await page.getByRole('button', { name: '请 Acme Cloud Services 重新发送邀请' }).click()
  await expect(page.getByTestId('renewal-done')).toHaveText(
    '已通知 Acme Cloud Services,对方可以为您重新发送邀请。'
  )
})

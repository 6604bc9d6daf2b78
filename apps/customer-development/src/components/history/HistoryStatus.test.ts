import type { HistoryItem } from '@partner-center/contracts'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { fakeApi, fakeHistoryItem } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { createModuleI18n, loadLanguage } from '../../i18n'
import { useSessionStore } from '../../stores/session'
import HistoryStatus from './HistoryStatus.vue'

function infoLabel(row: Parameters<typeof fakeHistoryItem>[0]): string | null {
  const { wrapper } = mountWith(HistoryStatus, {
    api: fakeApi(),
    props: { row: fakeHistoryItem(row) },
  })
  const info = wrapper.find('[data-testid="failure-info"]')
  const label = info.exists() ? (info.attributes('aria-label') ?? null) : null
  wrapper.unmount()
  return label
}

describe('HistoryStatus', () => {
  it('explains an association failure with the catalogue message and partner action (§4.2)', () => {
    expect(
      infoLabel({
        status: 'ASSOCIATION_FAILED',
        statusFilter: 'ASSOCIATION_FAILED',
        failure: { code: 'UNPAID_BILLS', message: 'x', partnerAction: 'y' },
      })
    ).toBe(
      'Details: The account has unpaid bills. Ask the customer to settle the bills, then send the invitation email again.'
    )
  })

  it("falls back to the server's text for a code the catalogue does not know", () => {
    expect(
      infoLabel({
        status: 'FAILED_TO_SEND',
        statusFilter: 'SENDING_FAILED',
        failure: { code: 'SOMETHING_NEW', message: 'It broke.', partnerAction: 'Retry.' },
      })
    ).toBe('Details: It broke. Retry.')
  })

  it('shows no info icon without a failure', () => {
    expect(infoLabel({ status: 'SENT' })).toBeNull()
  })

  it('says on hover that a withdrawn invitation was merged (IDENTITY_MERGED, issue 13)', async () => {
    const merged = {
      status: 'REVOKED',
      statusFilter: 'WITHDRAWN',
      failure: { code: 'IDENTITY_MERGED', message: 'x', partnerAction: 'y' },
    } as const
    expect(await statusTitle(merged)).toBe(
      'Merged with an earlier pre-registration of the same customer'
    )
    expect(infoLabel(merged)).toBeNull()
    expect(await statusTitle({ status: 'REVOKED', statusFilter: 'WITHDRAWN' })).toBe(
      'The pre-registration was deleted'
    )
  })
})

// The status hover as the tooltip shows it, opened by keyboard focus (issue 16 item 7).
async function statusTitle(row: Parameters<typeof fakeHistoryItem>[0]): Promise<string | null> {
  const { wrapper, overlay } = mountWith(HistoryStatus, {
    api: fakeApi(),
    props: { row: fakeHistoryItem(row) },
  })
  const hint = wrapper.find('[data-testid="status-hint"]')
  if (!hint.exists()) {
    wrapper.unmount()
    return null
  }
  await hint.trigger('focusin')
  await nextTick()
  const title = overlay.querySelector('[role="tooltip"]')?.textContent?.trim() ?? null
  wrapper.unmount()
  return title
}

// Issue 16 items 6 and 7: the status hovers open on keyboard focus, state the attempt maximum of
// GET /me and times with their UTC, and a Superseded status leads to the newer invitation.
const NEWER = '30000000-0000-4000-8000-000000000002'

// Node re-reads TZ when it is set, so the page's local time is UTC+8 here.
beforeEach(() => {
  vi.stubEnv('TZ', 'Asia/Shanghai')
})
afterEach(() => {
  vi.unstubAllEnvs()
})

async function focusedHint(row: Partial<HistoryItem>): Promise<string | null> {
  const api = fakeApi()
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const { wrapper, overlay } = mountWith(HistoryStatus, {
    api,
    pinia,
    props: { row: fakeHistoryItem(row) },
  })
  const hint = wrapper.get('[data-testid="status-hint"]')
  await hint.trigger('focusin')
  await nextTick()
  const text = overlay.querySelector('[role="tooltip"]')?.textContent?.trim() ?? null
  wrapper.unmount()
  return text
}

describe('History Records status hovers', () => {
  it('states the attempt maximum of GET /me, opened by keyboard focus', async () => {
    // FAKE_LIMITS.maxDeliveryAttempts is 3.
    expect(
      await focusedHint({ status: 'SEND_FAILED', statusFilter: 'INVITED', attemptCount: 2 })
    ).toBe('Sending (attempt 2 of 3)')
  })

  it('states the expiry in local time with its UTC time', async () => {
    expect(await focusedHint({ status: 'SENT', expiresAt: '2025-01-15T09:00:05.000Z' })).toBe(
      'Link expires 2025-01-15 17:00 (2025-01-15 09:00 UTC)'
    )
  })

  it('makes a Superseded status a button to the newer invitation', async () => {
    const { wrapper, overlay } = mountWith(HistoryStatus, {
      api: fakeApi(),
      props: {
        row: fakeHistoryItem({
          status: 'SUPERSEDED',
          statusFilter: 'SUPERSEDED',
          supersededById: NEWER,
        }),
      },
    })
    const button = wrapper.get('[data-testid="show-newer-invitation"]')
    expect(button.attributes('aria-label')).toBe(
      'Superseded: Replaced by a newer invitation. Click to show the newer invitation.'
    )
    await button.trigger('focusin')
    await nextTick()
    expect(overlay.textContent).toContain('Click to show the newer invitation.')
    await button.trigger('click')
    expect(wrapper.emitted('showInvitation')).toEqual([[NEWER]])
    wrapper.unmount()
  })
})

// Issue 20 item 5 (§12.3.2, R118): a SENT row shows "Reminder sent" with its local time on
// hover, and a reminder that was not delivered is said in the status hover.

async function mounted(row: Partial<HistoryItem>, language: 'en' | 'zh-CN' = 'en') {
  const api = fakeApi()
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const i18n = createModuleI18n(language)
  if (language !== 'en') await loadLanguage(i18n, language)
  return mountWith(HistoryStatus, { api, pinia, i18n, props: { row: fakeHistoryItem(row) } })
}

async function tooltipOf(testId: string, row: Partial<HistoryItem>, language?: 'en' | 'zh-CN') {
  const { wrapper, overlay } = await mounted(row, language)
  const target = wrapper.find(`[data-testid="${testId}"]`)
  if (!target.exists()) {
    wrapper.unmount()
    return null
  }
  await target.trigger('focusin')
  await nextTick()
  const text = overlay.querySelector('[role="tooltip"]')?.textContent?.trim() ?? null
  wrapper.unmount()
  return text
}

const SENT_AT = '2025-01-13T09:00:05.000Z'

describe('History Records: the reminder (§12.3.2)', () => {
  it('shows "Reminder sent" on a SENT row with reminderSentAt, its local time on hover', async () => {
    const { wrapper } = await mounted({ status: 'SENT', reminderSentAt: SENT_AT })
    expect(wrapper.get('[data-testid="reminder-badge"]').text()).toBe('Reminder sent')
    wrapper.unmount()
    expect(await tooltipOf('reminder-hint', { status: 'SENT', reminderSentAt: SENT_AT })).toBe(
      '2025-01-13 17:00 (2025-01-13 09:00 UTC)'
    )
  })

  it('says it in Chinese: 已发送提醒', async () => {
    const { wrapper } = await mounted({ status: 'SENT', reminderSentAt: SENT_AT }, 'zh-CN')
    expect(wrapper.get('[data-testid="reminder-badge"]').text()).toBe('已发送提醒')
    wrapper.unmount()
  })

  it('shows no badge without a reminder, or once the row is no longer SENT', async () => {
    for (const row of [
      { status: 'SENT', reminderSentAt: null },
      { status: 'ACCEPTED', statusFilter: 'ASSOCIATED', reminderSentAt: SENT_AT },
    ] as const) {
      const { wrapper } = await mounted(row)
      expect(wrapper.find('[data-testid="reminder-badge"]').exists()).toBe(false)
      wrapper.unmount()
    }
  })

  it('adds "Reminder not delivered" after the expiry in the status hover (R118)', async () => {
    const row = { status: 'SENT', expiresAt: '2025-01-15T09:00:05.000Z', reminderFailed: true }
    expect(await tooltipOf('status-hint', row)).toBe(
      'Link expires 2025-01-15 17:00 (2025-01-15 09:00 UTC). Reminder not delivered'
    )
    expect(await tooltipOf('status-hint', row, 'zh-CN')).toMatch(/;提醒邮件未送达$/)
    expect(await tooltipOf('status-hint', { ...row, reminderFailed: false })).not.toContain(
      'Reminder'
    )
  })
})

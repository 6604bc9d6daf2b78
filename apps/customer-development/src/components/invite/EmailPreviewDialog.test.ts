import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeMe, fakeRow, FAKE_LIMITS } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { createModuleI18n, loadLanguage } from '../../i18n'
import { useSessionStore } from '../../stores/session'
import EmailPreviewDialog from './EmailPreviewDialog.vue'

// Issue 16 item 7 (S9): the "Preview for" selector names customers masked whatever the list's
// eye state, and "Subject:" has its space.
describe('EmailPreviewDialog', () => {
  it('offers each customer masked in the "Preview for" selector, even from revealed rows', async () => {
    const revealed = [
      fakeRow({ customerName: 'Alpha Robotics', email: 'new.alpha@customer.example' }),
      fakeRow({
        id: '10000000-0000-4000-8000-000000000002',
        customerName: 'Beta Foods',
        email: 'beta@customer.example',
      }),
    ]
    const { overlay, wrapper } = mountWith(EmailPreviewDialog, {
      api: fakeApi(),
      props: { rows: revealed, associationType: 'reseller' },
    })
    await flushPromises()
    const options = [...overlay.querySelectorAll('.cd-el-select-dropdown__item')].map((option) =>
      option.textContent?.trim()
    )
    expect(options).toEqual(['A*** n***@customer.example', 'B*** b***@customer.example'])
    expect(overlay.querySelector('.cd-el-select__wrapper')?.textContent).toContain(
      'A*** n***@customer.example'
    )
    for (const value of ['Alpha Robotics', 'new.alpha@', 'Beta Foods', 'beta@']) {
      expect(overlay.textContent).not.toContain(value)
    }
    wrapper.unmount()
  })

  it('puts a space after "Subject:" (it was missing)', async () => {
    const api = fakeApi({
      previewInvitation: () =>
        Promise.resolve({ subject: 'Acme invites you', html: '<p>h</p>', text: 't' }),
    })
    const { overlay, wrapper } = mountWith(EmailPreviewDialog, {
      api,
      props: { rows: [fakeRow()], associationType: 'reseller' },
    })
    await flushPromises()
    const line = overlay.querySelector('.pc-cd-preview__subject')?.textContent?.trim()
    expect(line).toBe('Subject: Acme invites you')
    wrapper.unmount()
  })
})

// Issue 20 item 5 (R119): "Preview Email" offers the invitation and, while reminders are on
// (GET /me limits.invitationReminderHours > 0), its reminder.
async function open(reminderHours: number, language: 'en' | 'zh-CN' = 'en') {
  const me = fakeMe()
  const api = fakeApi({
    getMe: () =>
      Promise.resolve({
        ...me,
        limits: { ...FAKE_LIMITS, invitationReminderHours: reminderHours },
      }),
  })
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const i18n = createModuleI18n(language)
  if (language !== 'en') await loadLanguage(i18n, language)
  const mounted = mountWith(EmailPreviewDialog, {
    api,
    pinia,
    i18n,
    props: { rows: [fakeRow()], associationType: 'reseller' },
  })
  await flushPromises()
  return { ...mounted, api }
}

describe('EmailPreviewDialog: invitation or reminder', () => {
  it('offers Invitation and Reminder, and asks for the reminder when it is picked', async () => {
    const { overlay, wrapper, api } = await open(36)
    const kind = overlay.querySelector('[data-testid="preview-kind"]')
    const labels = [...(kind?.querySelectorAll('label') ?? [])].map((l) => l.textContent?.trim())
    expect(labels).toEqual(['Invitation', 'Reminder'])
    expect(api.previewInvitation).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'invitation' })
    )
    const reminder = kind?.querySelectorAll('input')[1]
    reminder?.click()
    await flushPromises()
    expect(api.previewInvitation).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'reminder', associationType: 'reseller' })
    )
    wrapper.unmount()
  })

  it('names them 邀请邮件 and 提醒邮件 in Chinese', async () => {
    const { overlay, wrapper } = await open(36, 'zh-CN')
    const kind = overlay.querySelector('[data-testid="preview-kind"]')
    const labels = [...(kind?.querySelectorAll('label') ?? [])].map((l) => l.textContent?.trim())
    expect(labels).toEqual(['邀请邮件', '提醒邮件'])
    wrapper.unmount()
  })

  it('offers no reminder when reminders are off (0)', async () => {
    const { overlay, wrapper, api } = await open(0)
    expect(overlay.querySelector('[data-testid="preview-kind"]')).toBeNull()
    expect(api.previewInvitation).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'invitation' })
    )
    wrapper.unmount()
  })
})

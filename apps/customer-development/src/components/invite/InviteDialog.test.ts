import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeMe, fakeRow } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import InviteDialog from './InviteDialog.vue'

async function open(capabilities: Parameters<typeof fakeMe>[0], rows = [fakeRow()]) {
  const api = fakeApi({ getMe: () => Promise.resolve(fakeMe(capabilities)) })
  const pinia = createPinia()
  const session = inApp(api, pinia)(() => useSessionStore())
  await session.load()
  const { overlay, wrapper } = mountWith(InviteDialog, {
    api,
    props: { rows },
    pinia,
  })
  await flushPromises()
  return { api, overlay, wrapper }
}

describe('InviteDialog', () => {
  it('offers only Reseller when referral is not enabled', async () => {
    const { overlay, wrapper } = await open({ referralModelEnabled: false })
    const radios = [...overlay.querySelectorAll('[data-testid="association-type"] .el-radio')]
    expect(radios.map((radio) => radio.textContent?.trim())).toEqual(['Reseller'])
    wrapper.unmount()
  })

  it('offers only Referral, with the prepaid note, to a prepaid partner', async () => {
    const { overlay, wrapper } = await open({ isPrepaid: true, referralModelEnabled: true })
    const radios = [...overlay.querySelectorAll('[data-testid="association-type"] .el-radio')]
    expect(radios.map((radio) => radio.textContent?.trim())).toEqual(['Referral'])
    expect(overlay.textContent).toContain('Prepaid partners can invite only in the referral model.')
    wrapper.unmount()
  })

  it('marks each customer as sent or skipped with the reason', async () => {
    const rows = [
      fakeRow(),
      fakeRow({
        id: '10000000-0000-4000-8000-000000000002',
        inviteCheck: { allowed: false, code: 'RESEND_COOLDOWN', retryAfterSeconds: 290 },
      }),
    ]
    const { overlay, wrapper } = await open({}, rows)
    const text = overlay.querySelector('[data-testid="invite-rows"]')?.textContent ?? ''
    expect(text).toContain('will be sent')
    expect(text).toContain('will be skipped: Available in 5 min')
    wrapper.unmount()
  })

  it('sends one batch with the chosen type and shows the summary', async () => {
    const { api, overlay, wrapper } = await open({})
    const ok = overlay.querySelector<HTMLButtonElement>('[data-testid="invite-ok"]')
    ok?.click()
    ok?.click()
    await flushPromises()
    await vi.waitFor(() => expect(overlay.textContent).toContain('1 queued, 0 skipped'))
    expect(api.sendInvitations).toHaveBeenCalledTimes(1)
    expect(api.sendInvitations.mock.calls[0]?.[0]).toEqual({
      preregistrationIds: [fakeRow().id],
      associationType: 'reseller',
    })
    expect(overlay.textContent).toContain('1 queued, 0 skipped')
    wrapper.unmount()
  })
})

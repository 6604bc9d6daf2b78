import { ApiError } from '@partner-center/contracts'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeRow } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import PreregisterDialog from './PreregisterDialog.vue'

async function fill(
  overlay: HTMLElement,
  values: { name?: string; email?: string; mobile?: string }
) {
  const set = (id: string, value: string) => {
    const input = overlay.querySelector<HTMLInputElement>(`#${id}`)
    if (!input) throw new Error(`no #${id}`)
    input.value = value
    input.dispatchEvent(new Event('input'))
  }
  if (values.name !== undefined) set('pc-cd-prereg-name', values.name)
  if (values.email !== undefined) set('pc-cd-prereg-email', values.email)
  if (values.mobile !== undefined) set('pc-cd-prereg-mobile', values.mobile)
  await flushPromises()
}

function clickOk(overlay: HTMLElement) {
  overlay.querySelector<HTMLButtonElement>('[data-testid="preregister-ok"]')?.click()
  return flushPromises()
}

describe('PreregisterDialog', () => {
  it('refuses a missing name and contact in the browser without calling the API', async () => {
    const api = fakeApi()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await clickOk(overlay)
    // Each field's message appears when its own validation settles: wait for both.
    await vi.waitFor(() => {
      expect(overlay.textContent).toContain('Enter a name of 1 to 100 characters.')
      expect(overlay.textContent).toContain('Enter an email or a mobile number.')
    })
    expect(api.createPreregistration).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('sends the canonical email and shows the local validity on success', async () => {
    const api = fakeApi()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await fill(overlay, { name: ' Alpha Robotics ', email: ' New.Alpha@Customer.Example ' })
    await clickOk(overlay)
    expect(api.createPreregistration).toHaveBeenCalledWith(
      expect.objectContaining({
        customerName: 'Alpha Robotics',
        email: 'new.alpha@customer.example',
      })
    )
    expect(overlay.textContent).toContain('Pre-registered. Valid until 2025-01-')
    wrapper.unmount()
  })

  it('sends one E.164 for a full-width number typed with its trunk prefix (issue 13)', async () => {
    const api = fakeApi()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await fill(overlay, { name: 'Beta Foods', mobile: '０１３８ ００００ ００１０' })
    await clickOk(overlay)
    await vi.waitFor(() =>
      expect(api.createPreregistration).toHaveBeenCalledWith(
        expect.objectContaining({ mobile: '+8613800000010', email: undefined })
      )
    )
    wrapper.unmount()
  })

  it.each([
    ['x@раypal.com', 'The email domain mixes alphabets that look alike'],
    ['josé@customer.example', 'The part of the email address before the @'],
  ])('explains why %s is refused with the catalogue text', async (email, text) => {
    const api = fakeApi()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await fill(overlay, { name: 'Refused Co', email })
    await clickOk(overlay)
    await vi.waitFor(() =>
      expect(overlay.querySelector('.cd-el-form-item__error')?.textContent).toContain(text)
    )
    expect(api.createPreregistration).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('sends the external reference trimmed, with the hint of S36 and the limit of GET /me', async () => {
    const api = fakeApi()
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api, pinia })
    await flushPromises()
    expect(overlay.textContent).toContain('External Reference')
    expect(overlay.textContent).toContain(
      "Your own identifier of this customer, for example the CRM record ID (1 to 64 characters). It is sent with every event about this customer; do not enter the customer's name, email or mobile number."
    )
    const input = overlay.querySelector<HTMLInputElement>('#pc-cd-prereg-external-ref')!
    input.value = '  CRM-00042 '
    input.dispatchEvent(new Event('input'))
    await fill(overlay, { name: 'Alpha Robotics', email: 'alpha@customer.example' })
    await clickOk(overlay)
    expect(api.createPreregistration).toHaveBeenCalledWith(
      expect.objectContaining({ customerName: 'Alpha Robotics', externalRef: 'CRM-00042' })
    )
    wrapper.unmount()
  })

  it('sends no external reference when it is left empty', async () => {
    const api = fakeApi()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await fill(overlay, { name: 'Alpha Robotics', email: 'alpha@customer.example' })
    await clickOk(overlay)
    expect(api.createPreregistration).toHaveBeenCalledTimes(1)
    expect(api.createPreregistration.mock.calls[0]?.[0]).not.toHaveProperty('externalRef')
    wrapper.unmount()
  })

  it('shows the manual review text for PENDING_REVIEW with the days of GET /me', async () => {
    const api = fakeApi({
      createPreregistration: () =>
        Promise.resolve(fakeRow({ status: 'PENDING_REVIEW', validUntil: null })),
    })
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api, pinia })
    await flushPromises()
    await fill(overlay, { name: 'Old Spender', email: 'old.spender@customer.example' })
    await clickOk(overlay)
    // FAKE_LIMITS: accounts older than 6 days, a review within 10 days.
    expect(overlay.textContent).toContain(
      'Sent for manual review: the account is older than 6 days or has spending. Your ecosystem manager will decide within 10 days.'
    )
    wrapper.unmount()
  })

  it('shows the catalogue message, the partner action and the protection date of another partner', async () => {
    const api = fakeApi({
      createPreregistration: () =>
        Promise.reject(
          new ApiError({
            code: 'PREREGISTERED_BY_ANOTHER_PARTNER',
            status: 409,
            message: 'server text',
            details: { protectedUntil: '2025-02-01T12:00:00.000Z' },
          })
        ),
    })
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await fill(overlay, { name: 'Globex Prospect', email: 'globex.prospect@customer.example' })
    await clickOk(overlay)
    const alert = overlay.querySelector('[data-testid="error-alert"]')
    expect(alert?.textContent).toContain('This customer is pre-registered by another partner.')
    expect(alert?.textContent).toContain('Not possible.')
    expect(alert?.textContent).toContain('Protected until 2025-02-0')
    wrapper.unmount()
  })

  it('puts VALIDATION_FAILED issues on the matching field', async () => {
    const api = fakeApi({
      createPreregistration: () =>
        Promise.reject(
          new ApiError({
            code: 'VALIDATION_FAILED',
            status: 400,
            message: 'Some fields are missing or invalid.',
            details: { issues: [{ path: 'email', message: 'Server says no.' }] },
          })
        ),
    })
    const { overlay, wrapper } = mountWith(PreregisterDialog, { api })
    await flushPromises()
    await fill(overlay, { name: 'Alpha', email: 'a@b.example' })
    await clickOk(overlay)
    await vi.waitFor(() =>
      expect(overlay.querySelector('.cd-el-form-item__error')?.textContent).toContain(
        'Server says no.'
      )
    )
    expect(overlay.querySelector('[data-testid="error-alert"]')).toBeNull()
    wrapper.unmount()
  })
})

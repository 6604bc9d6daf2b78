import { ApiError } from '@partner-center/contracts'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeMe } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import ErrorAlert from './ErrorAlert.vue'

async function alertText(code: string, ecosystemManager = fakeMe().partner!.ecosystemManager) {
  const me = fakeMe()
  me.partner!.ecosystemManager = ecosystemManager
  const api = fakeApi({ getMe: () => Promise.resolve(me) })
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const error = new ApiError({ code, status: 403, message: 'refused' })
  const { wrapper } = mountWith(ErrorAlert, { api, pinia, props: { error } })
  await flushPromises()
  const text = wrapper.get('[data-testid="error-alert"]').text()
  wrapper.unmount()
  return text
}

describe('ErrorAlert says whom to contact (S11, issue 16)', () => {
  it('names the ecosystem manager for a capability the partner lacks', async () => {
    const text = await alertText('REFERRAL_NOT_ENABLED')
    expect(text).toContain('The referral model is not enabled for this partner.')
    expect(text).toContain(
      'Use the reseller model, or ask your ecosystem manager to apply for the referral permission.'
    )
    expect(text).toContain('Your ecosystem manager: Mei Chen (mei.chen@ecosystem.example)')
  })

  it('sends a missing role permission to the partner administrator, not the manager', async () => {
    const text = await alertText('PERMISSION_DENIED')
    expect(text).toContain('Your role does not allow this.')
    expect(text).toContain('Ask your partner administrator to give your role this permission.')
    expect(text).not.toContain('Mei Chen')
  })

  it('names the manager by email alone when no name is on record', async () => {
    const text = await alertText('CUSTOMER_DEVELOPMENT_NOT_ENABLED', {
      name: null,
      email: 'desk@ecosystem.example',
    })
    expect(text).toContain('Contact your ecosystem manager.')
    expect(text).toContain('Your ecosystem manager: desk@ecosystem.example')
  })
})

import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import RevealHeader from './RevealHeader.vue'

async function header(canReveal: boolean) {
  const api = fakeApi()
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const { wrapper } = mountWith(RevealHeader, {
    api,
    pinia,
    props: { label: 'Email', revealed: false, canReveal },
  })
  await flushPromises()
  return wrapper
}

describe('RevealHeader (M6, issue 16)', () => {
  it('toggles the column with its eye when the role may reveal', async () => {
    const wrapper = await header(true)
    await wrapper.get('button[aria-label="Show Email"]').trigger('click')
    expect(wrapper.emitted('toggle')).toHaveLength(1)
    wrapper.unmount()
  })

  it('keeps the eye, disabled, saying whom to ask, when the role may not reveal', async () => {
    const wrapper = await header(false)
    const eye = wrapper.get('button[aria-label="Show Email"]')
    expect(eye.attributes('disabled')).toBeDefined()
    await eye.trigger('click')
    expect(wrapper.emitted('toggle')).toBeUndefined()
    expect(wrapper.get('[data-testid="permission-hint"]').attributes('aria-label')).toBe(
      'Show Email: Your role does not allow this. Ask your partner administrator to give your role this permission.'
    )
    wrapper.unmount()
  })
})

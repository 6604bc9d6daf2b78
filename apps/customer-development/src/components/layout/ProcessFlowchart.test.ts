import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import ProcessFlowchart from './ProcessFlowchart.vue'

// Issue 16 item 6 (S2): the days of the flowchart are the limits of GET /me (FAKE_LIMITS:
// protection 12 days, links 5 days), never numbers of the page's own.
describe('ProcessFlowchart', () => {
  it('states the protection and link validity of GET /me', async () => {
    const api = fakeApi()
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(ProcessFlowchart, { api, pinia })
    expect(wrapper.text()).toContain('Claim the customer for 12 days.')
    expect(wrapper.text()).toContain('the link works for 5 days.')
    expect(wrapper.text()).not.toMatch(/\b(7|15) days/)
    wrapper.unmount()
  })

  it('states no number before GET /me answered', () => {
    const { wrapper } = mountWith(ProcessFlowchart, { api: fakeApi() })
    expect(wrapper.text()).toContain('Pre-register')
    expect(wrapper.text()).not.toMatch(/\d+ days?/)
    wrapper.unmount()
  })
})

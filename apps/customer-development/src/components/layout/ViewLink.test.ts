import type { MeResponse } from '@partner-center/contracts'
import { failureMessage, partnerAction } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeMe } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useModuleRouteStore } from '../../stores/module-route'
import { useSessionStore } from '../../stores/session'
import PageHeader from './PageHeader.vue'
import ViewLink from './ViewLink.vue'

// S29: the header's links to Webhooks and API Keys, each disabled with why and whom to ask
// for a user whose `GET /me` does not list the view's permission.
const ASK_ADMIN = `${failureMessage('PERMISSION_DENIED', 'en')} ${partnerAction('PERMISSION_DENIED', 'en')}`

async function mountLink(me: MeResponse, view: 'api-keys' | 'webhooks', label: string) {
  const api = fakeApi({ getMe: () => Promise.resolve(me) })
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const { wrapper } = mountWith(ViewLink, { api, pinia, props: { view, label } })
  await flushPromises()
  const route = inApp(api, pinia)(() => useModuleRouteStore())
  return { wrapper, route }
}

describe('a header link to a view (S29)', () => {
  it('is a link below the base path that opens the view in place', async () => {
    const me = { ...fakeMe(), permissions: ['custdev.api_keys.manage'] }
    const { wrapper, route } = await mountLink(me, 'api-keys', 'API Keys')
    const link = wrapper.get('a[data-testid="view-link-api-keys"]')
    expect(link.attributes('href')).toBe('/api-keys')
    expect(link.text()).toBe('API Keys')
    await link.trigger('click', { button: 0 })
    expect(route.view).toBe('api-keys')
    wrapper.unmount()
  })

  it.each([
    ['api-keys', 'API Keys', ['custdev.view', 'custdev.webhooks.manage']],
    ['webhooks', 'Webhooks', ['custdev.view', 'custdev.api_keys.manage']],
  ] as const)('to %s is disabled without its permission, saying why', async (view, label, keys) => {
    const me = { ...fakeMe(), permissions: [...keys] }
    const { wrapper, route } = await mountLink(me, view, label)
    expect(wrapper.find('a').exists()).toBe(false)
    const link = wrapper.get(`[data-testid="view-link-${view}"]`)
    expect(link.attributes('aria-disabled')).toBe('true')
    expect(wrapper.get('[data-testid="permission-hint"]').attributes('aria-label')).toBe(
      `${label}: ${ASK_ADMIN}`
    )
    await link.trigger('click')
    expect(route.view).toBe('partner-center')
    wrapper.unmount()
  })
})

describe('the page header', () => {
  it('holds the Webhooks and API Keys links', async () => {
    const api = fakeApi()
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(PageHeader, { api, pinia, props: { userId: null } })
    await flushPromises()
    expect(wrapper.get('[data-testid="view-link-webhooks"]').text()).toBe('Webhooks')
    expect(wrapper.get('[data-testid="view-link-api-keys"]').text()).toBe('API Keys')
    wrapper.unmount()
  })
})

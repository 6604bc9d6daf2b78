import type { MeResponse } from '@partner-center/contracts'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createShellI18n } from '../i18n'
import { useSessionStore } from '../stores/session'
import ConsoleLayout from './ConsoleLayout.vue'
import { TEST_LIMITS } from '../testing/console-limits'

function me(customerDevelopmentEnabled: boolean): MeResponse {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'admin@initech.example',
      displayName: 'Initech Admin',
      role: 'admin',
      locale: 'en',
    },
    partner: {
      id: '00000000-0000-4000-8000-00000000000c',
      name: 'Initech',
      contactEmail: 'partners@initech.example',
      contactMobile: null,
      ecosystemManager: { name: 'Mei Chen', email: 'mei.chen@ecosystem.example' },
      defaultLocale: 'en',
      capabilities: {
        customerDevelopmentEnabled,
        referralModelEnabled: false,
        isPrepaid: false,
        preregistrationQuota: 100,
        dailyInviteCap: 500,
      },
    },
    permissions: [],
    platformName: 'Example Cloud',
    limits: TEST_LIMITS,
  }
}

async function menuText(
  customerDevelopmentEnabled: boolean,
  role: MeResponse['user']['role'] = 'admin'
): Promise<string> {
  // No development mailbox here: its menu entry stays out of the way.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(null, { status: 404 })))
  )
  const pinia = createPinia()
  setActivePinia(pinia)
  const user = me(customerDevelopmentEnabled)
  useSessionStore().me = { ...user, user: { ...user.user, role } }
  const empty = defineComponent({ render: () => null })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: empty }],
  })
  await router.push('/')
  const wrapper = mount(ConsoleLayout, {
    global: { plugins: [pinia, router, createShellI18n('en')] },
    attachTo: document.body,
  })
  await flushPromises()
  const text = wrapper.get('[aria-label="Main navigation"]').text()
  wrapper.unmount()
  return text
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ConsoleLayout navigation (S1, issue 16 item 9)', () => {
  it('shows Sales › Leads and Opportunities for a partner with Customer Development', async () => {
    const text = await menuText(true)
    expect(text).toContain('Sales')
    expect(text).toContain('Leads and Opportunities')
  })

  it('leaves no empty Sales or Leads and Opportunities submenu when the module is off', async () => {
    const text = await menuText(false)
    expect(text).not.toContain('Leads and Opportunities')
    expect(text).not.toContain('Sales')
  })
})

describe('ConsoleLayout navigation of the ecosystem manager (S13, S35)', () => {
  it('shows Webhooks and API Keys beside Partners', async () => {
    const text = await menuText(false, 'ecosystem_manager')
    // The entries in order, each its own menu item (their texts touch in `text()`).
    expect(text.trim()).toBe('PartnersWebhooksAPI Keys')
  })

  it('hides them from a partner user', async () => {
    const text = await menuText(true, 'admin')
    expect(text).not.toContain('Partners')
    expect(text).not.toContain('Webhooks')
    expect(text).not.toContain('API Keys')
  })
})

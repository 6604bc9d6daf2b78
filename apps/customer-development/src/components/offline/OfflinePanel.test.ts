import { failureMessage } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeLinkItem, fakeMe } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import OfflinePanel from './OfflinePanel.vue'

// S21–S24 (R90, R91, R95, R98): what the Offline Invitation tab asks for and shows.
const READ_ONLY = { ...fakeMe(), user: { ...fakeMe().user, role: 'read_only' as const } }
const ASK_ADMIN =
  'Your role does not allow this. Ask your partner administrator to give your role this permission.'

async function mountTab(api = fakeApi()) {
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const { wrapper } = mountWith(OfflinePanel, { api, pinia })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="offline-tab"]').exists()).toBe(true))
  await flushPromises()
  return wrapper
}

describe('the general invitation link (S22)', () => {
  it('is asked for once and shows its tag, link, counts and QR code', async () => {
    const api = fakeApi()
    const wrapper = await mountTab(api)
    expect(api.getGeneralInvitationLink).toHaveBeenCalledTimes(1)
    const card = wrapper.get('[data-testid="general-link"]')
    expect(card.get('[data-testid="general-link-tag"]').text()).toBe('admin@acme.example')
    expect(card.get('[data-testid="general-link-type"]').text()).toBe('Reseller')
    expect(card.get('[data-testid="general-link-registrations"]').text()).toBe('3')
    expect(card.get('[data-testid="general-link-associations"]').text()).toBe('2')
    expect(card.get<HTMLInputElement>('input[data-testid="general-link-url"]').element.value).toBe(
      'http://portal.example/join#R2VuZXJhbC1saW5rLWNvZGUtb2YtNDMtY2hhcmFjdGVycw'
    )
    await vi.waitFor(() =>
      expect(card.get('[data-testid="qr-image"]').attributes('src')).toMatch(
        /^data:image\/svg\+xml;charset=utf-8,%3Csvg/
      )
    )
    wrapper.unmount()
  })

  it('is never asked for by a user without custdev.invite, who reads why and whom to ask', async () => {
    const api = fakeApi({ getMe: () => Promise.resolve(READ_ONLY) })
    const wrapper = await mountTab(api)
    expect(api.getGeneralInvitationLink).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="general-link-no-permission"]').text()).toBe(
      'You have no general invitation link because your role cannot invite customers. Ask your partner administrator to give your role this permission.'
    )
    const actions = wrapper.findAll('[data-testid="general-link-action"]')
    expect(actions).toHaveLength(3)
    for (const action of actions) expect(action.attributes('disabled')).toBeDefined()
    expect(wrapper.find(`[aria-label="Reset: ${ASK_ADMIN}"]`).exists()).toBe(true)
    wrapper.unmount()
  })

  it("shows the refusal of a partner that may use no association type, with the catalogue's texts", async () => {
    const { ApiError } = await import('@partner-center/contracts/transport')
    const api = fakeApi({
      getGeneralInvitationLink: () =>
        Promise.reject(
          new ApiError({ code: 'PREPAID_PARTNER_RESELLER', status: 409, message: 'refused' })
        ),
    })
    const wrapper = await mountTab(api)
    const alert = wrapper.get('[data-testid="general-link"] [data-testid="error-alert"]')
    expect(alert.text()).toContain(failureMessage('PREPAID_PARTNER_RESELLER', 'en'))
    expect(alert.text()).not.toContain('refused')
    expect(wrapper.find('[data-testid="general-link-url"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('the custom links (S23)', () => {
  it('lists the links with their status, "Never" for no expiry, and each action', async () => {
    const wrapper = await mountTab()
    const table = wrapper.get('[data-testid="custom-links-table"]')
    expect(table.get('[data-testid="link-tag"]').text()).toBe('Spring Fair')
    expect(table.text()).toContain('Never')
    expect(table.get('[data-testid="link-status"]').text()).toBe('Active')
    expect(table.find('[data-testid="row-copy"]').attributes('disabled')).toBeUndefined()
    expect(table.find('[data-testid="row-disable"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('offers Enable of an expired link disabled, saying it has expired', async () => {
    const expired = fakeLinkItem({
      status: 'EXPIRED',
      expiresAt: '2025-01-12T09:00:00.000Z',
      actions: {
        copy: { allowed: true },
        disable: { allowed: false, code: 'OFFLINE_LINK_EXPIRED' },
        enable: { allowed: false, code: 'OFFLINE_LINK_EXPIRED' },
      },
    })
    const api = fakeApi({
      findInvitationLinks: () =>
        Promise.resolve({ items: [expired], total: 1, page: 1, pageSize: 20 }),
    })
    const wrapper = await mountTab(api)
    const table = wrapper.get('[data-testid="custom-links-table"]')
    expect(table.get('[data-testid="link-status"]').text()).toBe('Expired')
    expect(table.get('[data-testid="row-enable"]').attributes('disabled')).toBeDefined()
    expect(table.find('[aria-label="Enable: This activity link has expired."]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('keeps every action of a user without custdev.invite, disabled with whom to ask', async () => {
    const api = fakeApi({ getMe: () => Promise.resolve(READ_ONLY) })
    const wrapper = await mountTab(api)
    expect(wrapper.get('[data-testid="create-link-button"]').attributes('disabled')).toBeDefined()
    const table = wrapper.get('[data-testid="custom-links-table"]')
    for (const label of ['Copy', 'Download QR', 'Disable']) {
      expect(table.find(`[aria-label="${label}: ${ASK_ADMIN}"]`).exists()).toBe(true)
    }
    wrapper.unmount()
  })

  it('searches by a tag of one character', async () => {
    const api = fakeApi()
    const wrapper = await mountTab(api)
    const input = wrapper.get('[data-testid="custom-links"] input[data-testid="search"]')
    expect(input.attributes('placeholder')).toBe('Search by tag')
    await input.setValue('春')
    await vi.waitFor(() =>
      expect(api.findInvitationLinks).toHaveBeenLastCalledWith(expect.objectContaining({ q: '春' }))
    )
    wrapper.unmount()
  })
})

describe('the customers associated through links (S24)', () => {
  it('lists them masked, and the customer eye reveals the name and the email together', async () => {
    const api = fakeApi()
    const wrapper = await mountTab(api)
    const table = wrapper.get('[data-testid="link-associations-table"]')
    expect(table.get('[data-testid="customer-name"]').text()).toBe('L***')
    expect(table.get('[data-testid="customer-email"]').text()).toBe('l***@customer.example')
    expect(table.get('[data-testid="association-tag"]').text()).toBe('Spring Fair')
    expect(api.findLinkAssociations).toHaveBeenLastCalledWith(
      expect.objectContaining({ reveal: undefined })
    )
    await table.get('[aria-label="Show Customer"]').trigger('click')
    await flushPromises()
    expect(api.findLinkAssociations).toHaveBeenLastCalledWith(
      expect.objectContaining({ reveal: 'name,email' })
    )
    await table.get('[aria-label="Hide Account Name"]').trigger('click')
    await flushPromises()
    expect(api.findLinkAssociations).toHaveBeenLastCalledWith(
      expect.objectContaining({ reveal: 'email' })
    )
    wrapper.unmount()
  })
})

describe('the tab in Chinese (S21)', () => {
  it('loads its own Chinese strings with the tab and shows them', async () => {
    const api = fakeApi()
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { createModuleI18n, loadLanguage } = await import('../../i18n')
    const i18n = createModuleI18n('zh-CN')
    await loadLanguage(i18n, 'zh-CN')
    const { wrapper } = mountWith(OfflinePanel, { api, pinia, i18n })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="offline-tab"]').exists()).toBe(true))
    await flushPromises()
    expect(wrapper.text()).toContain('通用邀请链接')
    expect(wrapper.text()).toContain('自定义邀请链接')
    expect(wrapper.text()).toContain('通过链接关联的客户')
    expect(wrapper.get('[data-testid="link-status"]').text()).toBe('生效中')
    expect(wrapper.text()).toContain('长期有效')
    wrapper.unmount()
  })
})

import type { MeResponse } from '@partner-center/contracts'
import { failureMessage } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FAKE_LIMITS, fakeApi, fakeApiKey, fakeMe } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { createModuleI18n, loadLanguage } from '../../i18n'
import type { ModuleApi } from '../../module-api'
import { useSessionStore } from '../../stores/session'
import ApiKeysView from './ApiKeysView.vue'

// S34 (R139, R143): the partner admin's API Keys page, over the fake API.
const MANAGER: MeResponse = {
  ...fakeMe(),
  permissions: ['custdev.view', 'custdev.api_keys.manage'],
}
const SECRET = `pck_${'k'.repeat(43)}`

async function openPage(api = fakeApi(), locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const i18n = createModuleI18n(locale)
  await loadLanguage(i18n, locale)
  const { wrapper, overlay } = mountWith(ApiKeysView, { api, pinia, i18n })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="api-keys-panel"]').exists()).toBe(true))
  await flushPromises()
  const inOverlay = (selector: string) => overlay.querySelector<HTMLElement>(selector)
  return { wrapper, overlay, inOverlay }
}

function withMe(me: MeResponse, overrides: Partial<ModuleApi> = {}) {
  return fakeApi({ getMe: () => Promise.resolve(me), ...overrides })
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('the API Keys page (S34)', () => {
  it('lists each key by its prefix, role, "Never" and status', async () => {
    const api = withMe(MANAGER)
    const { wrapper } = await openPage(api)
    expect(api.findApiKeys).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toContain(
      'Send the key in the Authorization header as Bearer {key}. A key cannot manage API keys or webhooks'
    )
    const table = wrapper.get('[data-testid="api-keys-table"]')
    expect(table.get('[data-testid="api-key-name"]').text()).toBe('CRM sync')
    expect(table.get('[data-testid="api-key-prefix"]').text()).toBe('pck_AbCdEfGh…')
    expect(table.get('[data-testid="api-key-role"]').text()).toBe('Read only')
    expect(table.get('[data-testid="api-key-never"]').text()).toBe('Never')
    expect(table.get('[data-testid="api-key-status"]').text()).toBe('Active')
    wrapper.unmount()
  })

  it('says so when there is no key', async () => {
    const api = withMe(MANAGER, {
      findApiKeys: () => Promise.resolve({ items: [], total: 0, page: 1, pageSize: 100 }),
    })
    const { wrapper } = await openPage(api)
    expect(wrapper.get('[data-testid="api-keys-table"]').text()).toContain('No API keys yet.')
    wrapper.unmount()
  })

  it('creates a key, shows it once until "I have stored it", then lists it without it', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const api = withMe(MANAGER)
    const { wrapper, overlay, inOverlay } = await openPage(api)

    await wrapper.get('[data-testid="api-key-create"]').trigger('click')
    await vi.waitFor(() =>
      expect(inOverlay('[data-testid="create-api-key-dialog"]')).not.toBeNull()
    )
    const name = inOverlay('[data-testid="create-api-key-name"]') as HTMLInputElement
    name.value = 'Billing export'
    name.dispatchEvent(new Event('input'))
    inOverlay('[data-testid="create-api-key-role-sales"] input')?.click()
    await flushPromises()
    inOverlay('[data-testid="create-api-key-ok"]')?.click()
    await flushPromises()
    expect(api.createApiKey).toHaveBeenCalledWith({ name: 'Billing export', role: 'sales' })

    await vi.waitFor(() => expect(inOverlay('[data-testid="api-key-secret"]')).not.toBeNull())
    const secret = inOverlay('input[data-testid="api-key-secret"]') as HTMLInputElement
    expect(secret.value).toBe(SECRET)
    expect(secret.readOnly).toBe(true)
    inOverlay('[data-testid="api-key-copy"]')?.click()
    await vi.waitFor(() => expect(overlay.textContent).toContain('Key copied'))
    expect(writeText).toHaveBeenCalledWith(SECRET)

    inOverlay('[data-testid="api-key-stored"]')?.click()
    await vi.waitFor(() => expect(inOverlay('[data-testid="api-key-secret"]')).toBeNull())
    expect(document.body.innerHTML).not.toContain(SECRET)
    const names = wrapper.findAll('[data-testid="api-key-name"]').map((cell) => cell.text())
    expect(names).toEqual(['Billing export', 'CRM sync'])
    expect(wrapper.findAll('[data-testid="api-key-role"]')[0]?.text()).toBe('Sales (operator)')
    wrapper.unmount()
  })

  it('revokes a key after the question and says so', async () => {
    const api = withMe(MANAGER)
    const { wrapper, overlay, inOverlay } = await openPage(api)
    await wrapper.get('[data-testid="api-key-revoke"]').trigger('click')
    await vi.waitFor(() => expect(inOverlay('.cd-el-message-box')).not.toBeNull())
    expect(inOverlay('.cd-el-message-box')?.textContent).toContain(
      'Revoke the API key "CRM sync"? Systems using it are refused from their next request. This cannot be undone.'
    )
    inOverlay('.cd-el-message-box__btns .cd-el-button--primary')?.click()
    await vi.waitFor(() => expect(api.revokeApiKey).toHaveBeenCalledWith(fakeApiKey().id))
    await vi.waitFor(() => expect(overlay.textContent).toContain('Key revoked'))
    expect(wrapper.get('[data-testid="api-key-status"]').text()).toBe('Revoked')
    expect(wrapper.find('[data-testid="api-key-revoke"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('disables Create at the limit of GET /me with the API_KEY_LIMIT message', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, apiKeysMax: 2 } }
    const two = [fakeApiKey(), fakeApiKey({ id: '40000000-0000-4000-8000-000000000009' })]
    const api = withMe(me, {
      findApiKeys: () => Promise.resolve({ items: two, total: 2, page: 1, pageSize: 100 }),
    })
    const { wrapper } = await openPage(api)
    expect(wrapper.get('[data-testid="api-key-create"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="api-key-limit-hint"]').attributes('aria-label')).toBe(
      `Create API Key: ${failureMessage('API_KEY_LIMIT', 'en')}`
    )
    wrapper.unmount()
  })

  it('lets a revoked key free its place under the limit', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, apiKeysMax: 1 } }
    const revoked = fakeApiKey({ status: 'REVOKED', revokedAt: '2025-01-11T09:00:00.000Z' })
    const api = withMe(me, {
      findApiKeys: () => Promise.resolve({ items: [revoked], total: 1, page: 1, pageSize: 100 }),
    })
    const { wrapper } = await openPage(api)
    expect(wrapper.get('[data-testid="api-key-create"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('shows a failed load with the catalogue’s texts', async () => {
    const { ApiError } = await import('@partner-center/contracts/transport')
    const api = withMe(MANAGER, {
      findApiKeys: () =>
        Promise.reject(new ApiError({ code: 'API_KEY_NOT_ALLOWED', status: 403, message: 'no' })),
    })
    const { wrapper } = await openPage(api)
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain(
      failureMessage('API_KEY_NOT_ALLOWED', 'en')
    )
    wrapper.unmount()
  })

  it('speaks Simplified Chinese with the role names of S34', async () => {
    const { wrapper } = await openPage(withMe(MANAGER), 'zh-CN')
    expect(wrapper.text()).toContain('请在 Authorization 请求头中以 Bearer {密钥} 的形式发送。')
    expect(wrapper.get('[data-testid="api-key-role"]').text()).toBe('只读')
    expect(wrapper.get('[data-testid="api-key-never"]').text()).toBe('从未使用')
    expect(wrapper.get('[data-testid="api-key-create"]').text()).toBe('创建 API 密钥')
    expect(wrapper.text()).toContain('返回客户列表')
    wrapper.unmount()
  })
})

describe('the API Keys page of a user without custdev.api_keys.manage (S29)', () => {
  it('shows why and whom to ask, and asks the API nothing', async () => {
    const pinia = createPinia()
    const api = withMe({ ...fakeMe(), permissions: ['custdev.view'] })
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(ApiKeysView, { api, pinia })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="view-denied"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="view-denied"]').text()).toContain(
      failureMessage('PERMISSION_DENIED', 'en')
    )
    expect(wrapper.find('[data-testid="api-keys-panel"]').exists()).toBe(false)
    expect(api.findApiKeys).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

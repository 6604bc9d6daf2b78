import { ApiError, type ApiKeyItem, type MeResponse } from '@partner-center/contracts'
import { flushPromises, mount } from '@vue/test-utils'
import { ElMessage } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ADMIN_API, type AdminApi } from '../admin-api'
import { createShellI18n } from '../i18n'
import { useSessionStore } from '../stores/session'
import { TEST_LIMITS } from '../testing/console-limits'
import ApiKeysPage from './ApiKeysPage.vue'

// S35: the ecosystem manager's platform API keys, over a fake admin API.
const MANAGER = '00000000-0000-4000-8000-0000000000e1'
const SECRET = `pck_${'p'.repeat(43)}`

function key(overrides: Partial<ApiKeyItem> = {}): ApiKeyItem {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    name: 'Billing bridge',
    role: 'ecosystem_manager',
    keyPrefix: 'pck_ZyXwVuTs',
    status: 'ACTIVE',
    createdBy: { id: MANAGER, displayName: 'Mei Chen' },
    createdAt: '2025-01-10T09:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  }
}

function fakeApi(items: ApiKeyItem[] = [key()], overrides: Partial<AdminApi> = {}) {
  return {
    findPartners: vi.fn(() => Promise.resolve({ items: [] })),
    updatePartner: vi.fn(() => Promise.reject(new Error('not used'))),
    findPlatformApiKeys: vi.fn(() =>
      Promise.resolve({ items, total: items.length, page: 1, pageSize: 100 })
    ),
    createPlatformApiKey: vi.fn((body: { name: string }) =>
      Promise.resolve({
        ...key({ id: '40000000-0000-4000-8000-000000000002', name: body.name }),
        key: SECRET,
      })
    ),
    revokePlatformApiKey: vi.fn((id: string) =>
      Promise.resolve(key({ id, status: 'REVOKED', revokedAt: '2025-01-11T09:00:00.000Z' }))
    ),
    ...overrides,
  } satisfies AdminApi
}

function me(role: MeResponse['user']['role'], apiKeysMax = TEST_LIMITS.apiKeysMax): MeResponse {
  return {
    user: { id: MANAGER, email: 'mei@example.test', displayName: 'Mei Chen', role, locale: 'en' },
    partner: null,
    permissions: [],
    platformName: 'Example Cloud',
    limits: { ...TEST_LIMITS, apiKeysMax },
  }
}

async function open(api: AdminApi, user: MeResponse = me('ecosystem_manager')) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = user
  const wrapper = mount(ApiKeysPage, {
    global: { plugins: [pinia, createShellI18n('en')], provide: { [ADMIN_API as symbol]: api } },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector)

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('ApiKeysPage', () => {
  it('lists the platform keys with the ecosystem manager’s role and "Never"', async () => {
    const api = fakeApi()
    const wrapper = await open(api)
    expect(api.findPlatformApiKeys).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="platform-key-name"]').text()).toBe('Billing bridge')
    expect(wrapper.get('[data-testid="platform-key-prefix"]').text()).toBe('pck_ZyXwVuTs…')
    expect(wrapper.get('[data-testid="platform-api-keys-table"]').text()).toContain(
      'Ecosystem manager'
    )
    expect(wrapper.get('[data-testid="platform-key-never"]').text()).toBe('Never')
    expect(wrapper.get('[data-testid="platform-key-status"]').text()).toBe('Active')
    wrapper.unmount()
  })

  it('creates a key by name only and shows it once until "I have stored it"', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const success = vi.spyOn(ElMessage, 'success')
    const api = fakeApi()
    const wrapper = await open(api)
    await wrapper.get('[data-testid="platform-key-create"]').trigger('click')
    await flushPromises()
    expect(inBody('[data-testid="create-platform-key-role"]')?.textContent).toBe(
      'Ecosystem manager'
    )
    expect(inBody('[data-testid="create-platform-key-dialog"]')?.textContent).toContain(
      'The key can call the ecosystem manager’s API, except API keys and webhooks.'
    )
    const name = inBody('input[data-testid="create-platform-key-name"]') as HTMLInputElement
    name.value = 'Billing export'
    name.dispatchEvent(new Event('input'))
    await flushPromises()
    inBody('[data-testid="create-platform-key-ok"]')?.click()
    await flushPromises()
    expect(api.createPlatformApiKey).toHaveBeenCalledWith({ name: 'Billing export' })

    const secret = inBody('input[data-testid="platform-key-secret"]') as HTMLInputElement
    expect(secret.value).toBe(SECRET)
    expect(
      inBody('[data-testid="platform-key-created-dialog"]')?.closest('.el-overlay')
    ).not.toBeNull()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }))
    await flushPromises()
    expect(inBody('input[data-testid="platform-key-secret"]')).not.toBeNull()

    inBody('[data-testid="platform-key-copy"]')?.click()
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith(SECRET)
    expect(success).toHaveBeenCalledWith('Key copied')

    inBody('[data-testid="platform-key-stored"]')?.click()
    await flushPromises()
    expect(inBody('input[data-testid="platform-key-secret"]')).toBeNull()
    expect(document.body.innerHTML).not.toContain(SECRET)
    const names = wrapper.findAll('[data-testid="platform-key-name"]').map((cell) => cell.text())
    expect(names).toEqual(['Billing export', 'Billing bridge'])
    wrapper.unmount()
  })

  it('shows a refused creation in the dialog', async () => {
    const refusal = new ApiError({
      code: 'API_KEY_LIMIT',
      status: 409,
      message: 'You have reached the maximum number of active API keys.',
    })
    const api = fakeApi([key()], { createPlatformApiKey: vi.fn(() => Promise.reject(refusal)) })
    const wrapper = await open(api)
    await wrapper.get('[data-testid="platform-key-create"]').trigger('click')
    await flushPromises()
    const name = inBody('input[data-testid="create-platform-key-name"]') as HTMLInputElement
    name.value = 'One more'
    name.dispatchEvent(new Event('input'))
    await flushPromises()
    inBody('[data-testid="create-platform-key-ok"]')?.click()
    await flushPromises()
    expect(inBody('[data-testid="create-platform-key-error"]')?.textContent).toContain(
      'You have reached the maximum number of active API keys.'
    )
    wrapper.unmount()
  })

  it('revokes a key after the question', async () => {
    const confirm = vi.spyOn((await import('element-plus')).ElMessageBox, 'confirm')
    confirm.mockResolvedValue('confirm' as never)
    const success = vi.spyOn(ElMessage, 'success')
    const api = fakeApi()
    const wrapper = await open(api)
    await wrapper.get('[data-testid="platform-key-revoke"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[0]?.[0]).toBe(
      'Revoke the API key "Billing bridge"? Systems using it are refused from their next request. This cannot be undone.'
    )
    expect(api.revokePlatformApiKey).toHaveBeenCalledWith(key().id)
    expect(success).toHaveBeenCalledWith('Key revoked')
    expect(wrapper.get('[data-testid="platform-key-status"]').text()).toBe('Revoked')
    wrapper.unmount()
  })

  it('disables Create at the limit of GET /me and says why', async () => {
    const wrapper = await open(fakeApi(), me('ecosystem_manager', 1))
    expect(wrapper.get('[data-testid="platform-key-create"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="platform-key-limit"]').attributes('aria-label')).toBe(
      'Create API Key: You have reached the maximum number of active API keys. Revoke an API key you no longer need, then try again.'
    )
    wrapper.unmount()
  })

  it('tells a partner user they are not permitted and asks the API nothing', async () => {
    const api = fakeApi()
    const wrapper = await open(api, me('admin'))
    expect(wrapper.find('[data-testid="api-keys-not-permitted"]').exists()).toBe(true)
    expect(api.findPlatformApiKeys).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

import { ApiError, type AdminPartner, type MeResponse } from '@partner-center/contracts'
import { flushPromises, mount } from '@vue/test-utils'
import { ElMessage } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ADMIN_API, type AdminApi } from '../admin-api'
import { changedFields, toDraft } from '../composables/use-partner-editor'
import { createShellI18n } from '../i18n'
import { useSessionStore } from '../stores/session'
import PartnersPage from './PartnersPage.vue'
import { TEST_LIMITS } from '../testing/console-limits'

const ACME = '00000000-0000-4000-8000-00000000000a'
const INITECH = '00000000-0000-4000-8000-00000000000c'

function partner(overrides: Partial<AdminPartner>): AdminPartner {
  return {
    id: ACME,
    name: 'Acme Cloud Services',
    contactEmail: 'partners@acme.example',
    contactMobile: null,
    ecosystemManager: { name: 'Mei Chen', email: 'mei.chen@ecosystem.example' },
    defaultLocale: 'en',
    customerDevelopmentEnabled: true,
    referralModelEnabled: true,
    isPrepaid: false,
    preregistrationQuota: 100,
    dailyInviteCap: 500,
    updatedAt: '2025-01-15T09:30:00.000Z',
    ...overrides,
  }
}

const initech = partner({
  id: INITECH,
  name: 'Initech',
  contactEmail: 'partners@initech.example',
  customerDevelopmentEnabled: false,
  referralModelEnabled: false,
})

function fakeApi(overrides: Partial<AdminApi> = {}) {
  return {
    findPartners: vi.fn(() =>
      Promise.resolve({
        items: [
          { ...partner({}), associationsBySource: { email: 3, general_link: 2, custom_link: 1 } },
          { ...initech, associationsBySource: { email: 0, general_link: 0, custom_link: 0 } },
        ],
      })
    ),
    updatePartner: vi.fn((id: string, body: object) =>
      Promise.resolve({ ...(id === INITECH ? initech : partner({})), ...body })
    ),
    // The API Keys page's methods (S35); this page never calls them.
    findPlatformApiKeys: vi.fn(() => Promise.reject(new Error('not used'))),
    createPlatformApiKey: vi.fn(() => Promise.reject(new Error('not used'))),
    revokePlatformApiKey: vi.fn(() => Promise.reject(new Error('not used'))),
    ...overrides,
  }
}

function me(role: MeResponse['user']['role']): MeResponse {
  return {
    user: { id: ACME, email: 'someone@example.test', displayName: 'Someone', role, locale: 'en' },
    partner: null,
    permissions: [],
    platformName: 'Example Cloud',
    limits: TEST_LIMITS,
  }
}

async function open(api: AdminApi, role: MeResponse['user']['role'] = 'ecosystem_manager') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me(role)
  const wrapper = mount(PartnersPage, {
    global: { plugins: [pinia, createShellI18n('en')], provide: { [ADMIN_API as symbol]: api } },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

type Wrapper = Awaited<ReturnType<typeof open>>

function control(wrapper: Wrapper, label: string) {
  return wrapper.get(`[aria-label="${label}"]`)
}

async function toggle(wrapper: Wrapper, label: string) {
  // Element Plus listens on the switch's wrapper; a click on the inner input bubbles to it.
  await control(wrapper, label).trigger('click')
}

async function type(wrapper: Wrapper, label: string, value: string) {
  const input = control(wrapper, label)
  await input.setValue(value)
  await input.trigger('change')
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('PartnersPage', () => {
  it('lists the partners with a labelled control for every field', async () => {
    const wrapper = await open(fakeApi())
    expect(wrapper.text()).toContain('Acme Cloud Services')
    expect(wrapper.text()).toContain('partners@initech.example')
    for (const field of ['Customer Development', 'Referral Model', 'Prepaid']) {
      expect(control(wrapper, `${field} of Initech`).attributes('role')).toBe('switch')
    }
    expect(control(wrapper, 'Customer Development of Initech').attributes('aria-checked')).toBe(
      'false'
    )
    control(wrapper, 'Pre-registration Quota of Initech')
    control(wrapper, 'Daily Invitation Cap of Initech')
    control(wrapper, 'Contact Email of Initech')
    control(wrapper, 'Contact Mobile of Initech')
    expect(control(wrapper, 'Save Initech').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('shows the associations of each partner per source (R112)', async () => {
    const wrapper = await open(fakeApi())
    const cells = wrapper.findAll('[data-testid="partner-associations"]').map((cell) => cell.text())
    expect(cells).toEqual([
      'Email 3 · General link 2 · Custom link 1',
      'Email 0 · General link 0 · Custom link 0',
    ])
    wrapper.unmount()
  })

  it('saves only the changed fields of a row and reports success', async () => {
    const api = fakeApi()
    const success = vi.spyOn(ElMessage, 'success')
    const wrapper = await open(api)
    await toggle(wrapper, 'Customer Development of Initech')
    await toggle(wrapper, 'Referral Model of Initech')
    await type(wrapper, 'Pre-registration Quota of Initech', '5')
    expect(control(wrapper, 'Save Acme Cloud Services').attributes('disabled')).toBeDefined()
    await control(wrapper, 'Save Initech').trigger('click')
    await flushPromises()

    expect(api.updatePartner).toHaveBeenCalledTimes(1)
    expect(api.updatePartner).toHaveBeenCalledWith(INITECH, {
      customerDevelopmentEnabled: true,
      referralModelEnabled: true,
      preregistrationQuota: 5,
    })
    expect(success).toHaveBeenCalledWith('Changes to Initech saved.')
    // The saved values are now the baseline: nothing left to save.
    expect(control(wrapper, 'Save Initech').attributes('disabled')).toBeDefined()
    expect(control(wrapper, 'Customer Development of Initech').attributes('aria-checked')).toBe(
      'true'
    )
    wrapper.unmount()
  })

  it('shows a refused contact next to its field and keeps the edits', async () => {
    const refusal = new ApiError({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'Some fields are not valid.',
      details: { issues: [{ path: 'contactEmail', message: 'INVALID' }] },
      requestId: 'req-1',
    })
    const api = fakeApi({ updatePartner: vi.fn(() => Promise.reject(refusal)) })
    const failure = vi.spyOn(ElMessage, 'error')
    const wrapper = await open(api)
    await type(wrapper, 'Contact Email of Initech', 'not an email')
    await toggle(wrapper, 'Prepaid of Initech')
    await control(wrapper, 'Save Initech').trigger('click')
    await flushPromises()

    expect(api.updatePartner).toHaveBeenCalledWith(INITECH, {
      isPrepaid: true,
      contactEmail: 'not an email',
    })
    expect(failure).toHaveBeenCalledWith('Some fields are not valid.')
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Enter a valid email address, or leave it empty.'
    )
    const email = control(wrapper, 'Contact Email of Initech').element as HTMLInputElement
    expect(email.value).toBe('not an email')
    expect(control(wrapper, 'Prepaid of Initech').attributes('aria-checked')).toBe('true')
    expect(control(wrapper, 'Save Initech').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('sets the ecosystem manager of a partner and clears its email', async () => {
    const api = fakeApi()
    const wrapper = await open(api)
    const name = control(wrapper, 'Ecosystem Manager of Initech').element as HTMLInputElement
    expect(name.value).toBe('Mei Chen')
    await type(wrapper, 'Ecosystem Manager of Initech', ' Lena Wu ')
    await type(wrapper, 'Ecosystem Manager Email of Initech', '')
    await control(wrapper, 'Save Initech').trigger('click')
    await flushPromises()
    expect(api.updatePartner).toHaveBeenCalledWith(INITECH, {
      ecosystemManagerName: 'Lena Wu',
      ecosystemManagerEmail: null,
    })
    wrapper.unmount()
  })

  it('tells a partner user they are not permitted and asks the API nothing', async () => {
    const api = fakeApi()
    const wrapper = await open(api, 'admin')
    expect(wrapper.get('[data-testid="partners-not-permitted"]').text()).toContain(
      'You are not permitted to manage partners.'
    )
    expect(wrapper.find('[data-testid="partners-table"]').exists()).toBe(false)
    expect(api.findPartners).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

describe('changedFields', () => {
  it('is empty for an untouched draft and sends an emptied contact as null', () => {
    const saved = partner({})
    expect(changedFields(saved, toDraft(saved))).toEqual({})
    expect(changedFields(saved, { ...toDraft(saved), contactEmail: '  ' })).toEqual({
      contactEmail: null,
    })
  })
})

import type { MeResponse } from '@partner-center/contracts'
import { ApiError } from '@partner-center/contracts/transport'
import { failureMessage } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  FAKE_LIMITS,
  FAKE_WEBHOOK_SECRET,
  fakeApi,
  fakeMe,
  fakeWebhookDeliveryDetail,
  fakeWebhookEndpoint,
} from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { createModuleI18n, loadLanguage } from '../../i18n'
import type { ModuleApi } from '../../module-api'
import { useModuleRouteStore } from '../../stores/module-route'
import { useSessionStore } from '../../stores/session'
import WebhooksView from './WebhooksView.vue'

// S30 (R126–R129, R137): the partner admin's Webhooks page, over the fake API.
const MANAGER: MeResponse = {
  ...fakeMe(),
  permissions: ['custdev.view', 'custdev.webhooks.manage'],
}
const ENDPOINT = fakeWebhookEndpoint()

function withMe(me: MeResponse, overrides: Partial<ModuleApi> = {}) {
  return fakeApi({ getMe: () => Promise.resolve(me), ...overrides })
}

async function openPage(api = withMe(MANAGER), locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const i18n = createModuleI18n(locale)
  await loadLanguage(i18n, locale)
  const { wrapper, overlay } = mountWith(WebhooksView, { api, pinia, i18n })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="webhooks-panel"]').exists()).toBe(true))
  await flushPromises()
  const inOverlay = (selector: string) => overlay.querySelector<HTMLElement>(selector)
  const route = inApp(api, pinia)(() => useModuleRouteStore())
  return { wrapper, overlay, inOverlay, route }
}

/** Answers the open confirmation with OK. */
async function confirmOk(inOverlay: (selector: string) => HTMLElement | null) {
  await vi.waitFor(() => expect(inOverlay('.cd-el-message-box')).not.toBeNull())
  const text = inOverlay('.cd-el-message-box')?.textContent ?? ''
  inOverlay('.cd-el-message-box__btns .cd-el-button--primary')?.click()
  return text
}

beforeEach(() => window.history.replaceState(null, '', '/webhooks'))

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  window.history.replaceState(null, '', '/')
})

describe('the Webhooks page (S30)', () => {
  it('lists each endpoint with its description, events, status and creator', async () => {
    const api = withMe(MANAGER)
    const { wrapper } = await openPage(api)
    expect(api.findWebhookEndpoints).toHaveBeenCalledTimes(1)
    expect(wrapper.text()).toContain(
      'Partner Center sends a signed HTTPS request to your endpoints when something happens to your customers.'
    )
    const table = wrapper.get('[data-testid="webhooks-table"]')
    expect(table.get('[data-testid="webhook-url"]').text()).toBe(ENDPOINT.url)
    expect(table.get('[data-testid="webhook-description"]').text()).toBe('CRM sync')
    expect(table.get('[data-testid="webhook-events"]').text()).toBe('2 events')
    expect(table.get('[data-testid="webhook-status"]').text()).toBe('Enabled')
    expect(table.text()).toContain('Acme Admin')
    expect(table.find('[data-testid="webhook-failing"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says "All events" for every type and shows the failing badge of an enabled endpoint', async () => {
    const { WEBHOOK_EVENT_TYPES } = await import('@partner-center/domain')
    const failing = fakeWebhookEndpoint({
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      failingSince: '2025-01-10T09:00:00.000Z',
    })
    const api = withMe(MANAGER, {
      findWebhookEndpoints: () =>
        Promise.resolve({ items: [failing], total: 1, page: 1, pageSize: 100 }),
    })
    const { wrapper } = await openPage(api)
    expect(wrapper.get('[data-testid="webhook-events"]').text()).toBe('All events')
    expect(wrapper.get('[data-testid="webhook-failing"]').text()).toMatch(
      /^Failing since 2025-01-1\d \d\d:\d\d$/
    )
    wrapper.unmount()
  })

  it('says on hover why an endpoint was disabled automatically, with the hours of GET /me', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, webhookDisableAfterHours: 30 } }
    const failed = fakeWebhookEndpoint({
      status: 'DISABLED',
      disabledReason: 'FAILING',
      disabledAt: '2025-01-11T10:00:00.000Z',
      failingSince: '2025-01-10T09:00:00.000Z',
    })
    const api = withMe(me, {
      findWebhookEndpoints: () =>
        Promise.resolve({ items: [failed], total: 1, page: 1, pageSize: 100 }),
    })
    const { wrapper, overlay } = await openPage(api)
    expect(wrapper.get('[data-testid="webhook-status"]').text()).toBe('Disabled')
    // A disabled endpoint shows no "Failing since" badge: its status says it.
    expect(wrapper.find('[data-testid="webhook-failing"]').exists()).toBe(false)
    const hint = wrapper.get('[data-testid="webhook-status"]').element.closest('.pc-cd-row-hint')
    hint?.dispatchEvent(new MouseEvent('mouseenter'))
    await vi.waitFor(() =>
      expect(overlay.textContent).toMatch(
        /Disabled automatically: deliveries failed for 30 hours from 2025-01-1\d \d\d:\d\d\./
      )
    )
    wrapper.unmount()
  })

  it('says so when there is no endpoint', async () => {
    const api = withMe(MANAGER, {
      findWebhookEndpoints: () => Promise.resolve({ items: [], total: 0, page: 1, pageSize: 100 }),
    })
    const { wrapper } = await openPage(api)
    expect(wrapper.get('[data-testid="webhooks-table"]').text()).toContain(
      'No endpoints yet. Add one to receive events in your own systems.'
    )
    wrapper.unmount()
  })

  it('disables Add Endpoint at the limit of GET /me with the WEBHOOK_ENDPOINT_LIMIT message', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, webhookEndpointsMax: 1 } }
    const { wrapper } = await openPage(withMe(me))
    expect(wrapper.get('[data-testid="webhook-add"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="webhook-limit-hint"]').attributes('aria-label')).toBe(
      `Add Endpoint: ${failureMessage('WEBHOOK_ENDPOINT_LIMIT', 'en')}`
    )
    wrapper.unmount()
  })

  it('adds an endpoint, shows its secret once until "I have stored it", then lists it', async () => {
    const api = withMe(MANAGER)
    const { wrapper, inOverlay } = await openPage(api)
    await wrapper.get('[data-testid="webhook-add"]').trigger('click')
    await vi.waitFor(() => expect(inOverlay('[data-testid="webhook-dialog"]')).not.toBeNull())
    const url = inOverlay('[data-testid="webhook-dialog-url"]') as HTMLInputElement
    url.value = 'https://erp.example.com/hooks'
    url.dispatchEvent(new Event('input'))
    inOverlay('[data-testid="event-invitation.sent"] input')?.click()
    await flushPromises()
    inOverlay('[data-testid="webhook-dialog-ok"]')?.click()
    // The form validates before it sends; its validators settle on their own turns.
    await vi.waitFor(() =>
      expect(api.createWebhookEndpoint).toHaveBeenCalledWith({
        url: 'https://erp.example.com/hooks',
        eventTypes: ['invitation.sent'],
        description: '',
        enabled: true,
      })
    )

    await vi.waitFor(() => expect(inOverlay('[data-testid="webhook-secret"]')).not.toBeNull())
    const secret = inOverlay('input[data-testid="webhook-secret"]') as HTMLInputElement
    expect(secret.value).toBe(FAKE_WEBHOOK_SECRET)
    expect(inOverlay('[data-testid="webhook-secret-old-expires"]')).toBeNull()
    inOverlay('[data-testid="webhook-secret-stored"]')?.click()
    await vi.waitFor(() => expect(inOverlay('[data-testid="webhook-secret"]')).toBeNull())
    expect(document.body.innerHTML).not.toContain(FAKE_WEBHOOK_SECRET)
    const urls = wrapper.findAll('[data-testid="webhook-url"]').map((cell) => cell.text())
    expect(urls).toEqual(['https://erp.example.com/hooks', ENDPOINT.url])
    wrapper.unmount()
  })

  it('disables an endpoint only after the question, and enables it without one', async () => {
    const api = withMe(MANAGER)
    const { wrapper, inOverlay } = await openPage(api)
    await wrapper.get('[data-testid="webhook-status-switch"]').trigger('click')
    const question = await confirmOk(inOverlay)
    expect(question).toContain(
      'Disable this endpoint? It receives no events until you enable it again; events in between are not sent later.'
    )
    await vi.waitFor(() =>
      expect(api.updateWebhookEndpoint).toHaveBeenCalledWith(ENDPOINT.id, { enabled: false })
    )
    await flushPromises()
    expect(wrapper.get('[data-testid="webhook-status"]').text()).toBe('Disabled')
    expect(wrapper.get('[data-testid="webhook-test-hint"]').attributes('aria-label')).toBe(
      `Send Test Event: ${failureMessage('WEBHOOK_ENDPOINT_DISABLED', 'en')}`
    )

    await wrapper.get('[data-testid="webhook-status-switch"]').trigger('click')
    await vi.waitFor(() =>
      expect(api.updateWebhookEndpoint).toHaveBeenCalledWith(ENDPOINT.id, { enabled: true })
    )
    expect(inOverlay('.cd-el-message-box')?.textContent ?? '').not.toContain('Enable')
    wrapper.unmount()
  })

  it('sends a test event and says how it was delivered, with the way to the log', async () => {
    const api = withMe(MANAGER, {
      getWebhookDelivery: (_id, deliveryId) =>
        Promise.resolve(
          fakeWebhookDeliveryDetail({ id: deliveryId, isTest: true, lastDurationMs: 87 })
        ),
    })
    const { wrapper, route } = await openPage(api)
    await wrapper.get('[data-testid="webhook-test"]').trigger('click')
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="webhook-test-text"]').text()).toBe(
        'Test event delivered: HTTP 200 in 87 ms'
      )
    )
    expect(api.sendWebhookTestEvent).toHaveBeenCalledWith(ENDPOINT.id)
    expect(api.getWebhookDelivery).toHaveBeenCalledWith(
      ENDPOINT.id,
      '70000000-0000-4000-8000-000000000009'
    )
    await wrapper.get('[data-testid="webhook-test-log"]').trigger('click')
    expect(route.view).toBe('webhook-deliveries')
    expect(route.viewParam).toBe(ENDPOINT.id)
    wrapper.unmount()
  })

  it('says a failed test event with the outcome label and the timeout of GET /me', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, webhookTimeoutSeconds: 7 } }
    const api = withMe(me, {
      getWebhookDelivery: (_id, deliveryId) =>
        Promise.resolve(
          fakeWebhookDeliveryDetail({
            id: deliveryId,
            status: 'FAILED',
            lastOutcome: 'TIMEOUT',
            lastStatusCode: null,
          })
        ),
    })
    const { wrapper } = await openPage(api)
    await wrapper.get('[data-testid="webhook-test"]').trigger('click')
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="webhook-test-text"]').text()).toBe(
        'Test event failed: No answer within 7 s'
      )
    )
    wrapper.unmount()
  })

  it('rotates the secret after the question with the overlap hours, then shows it once', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, webhookSecretOverlapHours: 12 } }
    const api = withMe(me)
    const { wrapper, inOverlay } = await openPage(api)
    await wrapper.get('[data-testid="webhook-rotate"]').trigger('click')
    const question = await confirmOk(inOverlay)
    expect(question).toContain(
      'Rotate the signing secret? A new secret is shown once. For 12 hours requests are signed with both the new and the old secret; after that only the new one verifies.'
    )
    await vi.waitFor(() => expect(inOverlay('[data-testid="webhook-secret"]')).not.toBeNull())
    expect(api.rotateWebhookSecret).toHaveBeenCalledWith(ENDPOINT.id)
    expect(inOverlay('[data-testid="webhook-secret-old-expires"]')?.textContent).toMatch(
      /^The old secret stops working at 2025-01-1\d \d\d:\d\d\.$/
    )
    wrapper.unmount()
  })

  it('deletes an endpoint after the question naming its URL', async () => {
    const api = withMe(MANAGER)
    const { wrapper, inOverlay } = await openPage(api)
    await wrapper.get('[data-testid="webhook-delete"]').trigger('click')
    const question = await confirmOk(inOverlay)
    expect(question).toContain(
      `Delete the endpoint ${ENDPOINT.url}? It stops receiving events at once, pending deliveries are cancelled and its delivery log is removed.`
    )
    await vi.waitFor(() => expect(api.deleteWebhookEndpoint).toHaveBeenCalledWith(ENDPOINT.id))
    await flushPromises()
    expect(wrapper.find('[data-testid="webhook-url"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says a refused test event with the catalogue’s text', async () => {
    const refusal = new ApiError({ code: 'WEBHOOK_ENDPOINT_DISABLED', status: 409, message: 'x' })
    const api = withMe(MANAGER, { sendWebhookTestEvent: () => Promise.reject(refusal) })
    const { wrapper, overlay } = await openPage(api)
    await wrapper.get('[data-testid="webhook-test"]').trigger('click')
    await vi.waitFor(() =>
      expect(overlay.textContent).toContain(failureMessage('WEBHOOK_ENDPOINT_DISABLED', 'en'))
    )
    expect(wrapper.find('[data-testid="webhook-test-result"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('speaks Simplified Chinese', async () => {
    const { wrapper } = await openPage(withMe(MANAGER), 'zh-CN')
    expect(wrapper.text()).toContain(
      '客户发生变化时,合作伙伴中心会向您的端点发送签名的 HTTPS 请求。'
    )
    expect(wrapper.get('[data-testid="webhook-add"]').text()).toBe('添加端点')
    expect(wrapper.get('[data-testid="webhook-events"]').text()).toBe('2 种事件')
    expect(wrapper.get('[data-testid="webhook-status"]').text()).toBe('已启用')
    expect(wrapper.get('[data-testid="webhook-log"]').text()).toBe('发送记录')
    wrapper.unmount()
  })
})

describe('the Webhooks page of a user without custdev.webhooks.manage (S29)', () => {
  it('shows why and whom to ask, and asks the API nothing', async () => {
    const pinia = createPinia()
    const api = withMe({ ...fakeMe(), permissions: ['custdev.view'] })
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(WebhooksView, { api, pinia })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="view-denied"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="view-denied"]').text()).toContain(
      failureMessage('PERMISSION_DENIED', 'en')
    )
    expect(api.findWebhookEndpoints).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

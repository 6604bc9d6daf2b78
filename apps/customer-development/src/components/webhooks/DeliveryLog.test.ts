import type { MeResponse } from '@partner-center/contracts'
import { failureMessage } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import {
  FAKE_LIMITS,
  fakeApi,
  fakeMe,
  fakeWebhookDelivery,
  fakeWebhookDeliveryDetail,
  fakeWebhookEndpoint,
} from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useWebhooksMessages } from '../../composables/use-webhooks-messages'
import { createModuleI18n, loadLanguage } from '../../i18n'
import type { ModuleApi } from '../../module-api'
import { useModuleRouteStore } from '../../stores/module-route'
import { useSessionStore } from '../../stores/session'
import DeliveryLog from './DeliveryLog.vue'

// S33 (R138): an endpoint's delivery log: columns, filters, details, Redeliver, empty text.
const MANAGER: MeResponse = {
  ...fakeMe(),
  permissions: ['custdev.view', 'custdev.webhooks.manage'],
}
const ENDPOINT = fakeWebhookEndpoint()

const Harness = defineComponent({
  setup() {
    const ready = useWebhooksMessages()
    return () => (ready.value ? h(DeliveryLog, { endpointId: ENDPOINT.id }) : null)
  },
})

function withMe(me: MeResponse, overrides: Partial<ModuleApi> = {}) {
  return fakeApi({ getMe: () => Promise.resolve(me), ...overrides })
}

async function openLog(api = withMe(MANAGER), locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const i18n = createModuleI18n(locale)
  await loadLanguage(i18n, locale)
  const { wrapper, overlay } = mountWith(Harness, { api, pinia, i18n })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="delivery-log"]').exists()).toBe(true))
  await flushPromises()
  const route = inApp(api, pinia)(() => useModuleRouteStore())
  return { wrapper, overlay, route }
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('the delivery log (S33)', () => {
  it('shows the endpoint and each delivery’s event, id, status, attempts, response and duration', async () => {
    const api = withMe(MANAGER)
    const { wrapper } = await openLog(api)
    expect(api.getWebhookEndpoint).toHaveBeenCalledWith(ENDPOINT.id)
    expect(api.findWebhookDeliveries).toHaveBeenCalledWith(ENDPOINT.id, {
      page: 1,
      pageSize: 20,
      status: undefined,
      eventType: undefined,
      eventId: undefined,
    })
    expect(wrapper.get('[data-testid="delivery-log-url"]').text()).toBe(ENDPOINT.url)
    expect(wrapper.text()).toContain('CRM sync')
    expect(wrapper.get('[data-testid="delivery-event"]').text()).toBe('Invitation sent')
    expect(wrapper.get('[data-testid="delivery-webhook-id"]').text()).toBe(
      fakeWebhookDelivery().webhookId
    )
    expect(wrapper.get('[data-testid="delivery-status"]').text()).toBe('Delivered')
    expect(wrapper.get('[data-testid="delivery-attempts"]').text()).toBe('1')
    expect(wrapper.get('[data-testid="delivery-response"]').text()).toBe('HTTP 200')
    expect(wrapper.get('[data-testid="delivery-duration"]').text()).toBe('42 ms')
    wrapper.unmount()
  })

  it('names a test event, a retry with its next attempt and a failure’s outcome', async () => {
    const items = [
      fakeWebhookDelivery({
        id: '70000000-0000-4000-8000-00000000000a',
        isTest: true,
        eventType: 'webhook.test',
      }),
      fakeWebhookDelivery({
        id: '70000000-0000-4000-8000-00000000000b',
        status: 'PENDING',
        attempts: 2,
        runAfter: '2025-01-10T09:05:00.000Z',
        lastOutcome: 'CONNECTION_FAILED',
        lastStatusCode: null,
      }),
    ]
    const api = withMe(MANAGER, {
      findWebhookDeliveries: () => Promise.resolve({ items, total: 2, page: 1, pageSize: 20 }),
    })
    const { wrapper } = await openLog(api)
    const events = wrapper.findAll('[data-testid="delivery-event"]').map((cell) => cell.text())
    expect(events).toEqual(['Test event', 'Invitation sent'])
    const statuses = wrapper.findAll('[data-testid="delivery-status"]').map((cell) => cell.text())
    expect(statuses[1]).toMatch(/^Retrying, next attempt 2025-01-1\d \d\d:\d\d$/)
    const responses = wrapper
      .findAll('[data-testid="delivery-response"]')
      .map((cell) => cell.text())
    expect(responses[1]).toBe('Connection failed')
    wrapper.unmount()
  })

  it('filters by status, event type and event id', async () => {
    const api = withMe(MANAGER)
    const { wrapper } = await openLog(api)
    const select = (testId: string) =>
      wrapper
        .findAllComponents({ name: 'ElSelect' })
        .find((one) => one.attributes('data-testid') === testId)!
    const statusFilter = select('status-filter')
    await statusFilter.setValue(['FAILED', 'CANCELLED'])
    await flushPromises()
    expect(api.findWebhookDeliveries).toHaveBeenLastCalledWith(
      ENDPOINT.id,
      expect.objectContaining({ status: 'FAILED,CANCELLED', page: 1 })
    )
    const typeFilter = select('event-type-filter')
    await typeFilter.setValue('association.created')
    await flushPromises()
    expect(api.findWebhookDeliveries).toHaveBeenLastCalledWith(
      ENDPOINT.id,
      expect.objectContaining({ eventType: 'association.created', status: 'FAILED,CANCELLED' })
    )
    const search = wrapper.get('input[data-testid="search"]')
    expect(search.attributes('placeholder')).toBe('Search by event ID')
    await search.setValue('evt_8')
    await vi.waitFor(() =>
      expect(api.findWebhookDeliveries).toHaveBeenLastCalledWith(
        ENDPOINT.id,
        expect.objectContaining({ eventId: 'evt_8' })
      )
    )
    wrapper.unmount()
  })

  it('opens the details with each attempt, its excerpt and the request body', async () => {
    const api = withMe(MANAGER)
    const { wrapper } = await openLog(api)
    await wrapper.get('[data-testid="delivery-details"]').trigger('click')
    await flushPromises()
    expect(api.getWebhookDelivery).toHaveBeenCalledWith(ENDPOINT.id, fakeWebhookDelivery().id)
    const detail = wrapper.get('[data-testid="delivery-detail"]')
    expect(detail.get('[data-testid="delivery-attempt"]').text()).toContain('Attempt 1')
    expect(detail.get('[data-testid="delivery-attempt-outcome"]').text()).toBe('HTTP 200')
    expect(detail.text()).toContain('Response excerpt (first 1,024 bytes)')
    expect(detail.get('[data-testid="delivery-attempt-excerpt"]').text()).toBe('ok')
    expect(detail.text()).toContain('Request body')
    expect(detail.get('[data-testid="delivery-body"]').text()).toBe(
      fakeWebhookDeliveryDetail().body
    )
    await wrapper.get('[data-testid="delivery-details"]').trigger('click')
    expect(wrapper.find('[data-testid="delivery-detail"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('redelivers and says the redelivery is queued', async () => {
    const api = withMe(MANAGER)
    const { wrapper, overlay } = await openLog(api)
    await wrapper.get('[data-testid="delivery-redeliver"]').trigger('click')
    await vi.waitFor(() => expect(overlay.textContent).toContain('Redelivery queued'))
    expect(api.redeliverWebhookDelivery).toHaveBeenCalledWith(ENDPOINT.id, fakeWebhookDelivery().id)
    expect(wrapper.get('[data-testid="delivery-status"]').text()).toBe('Pending')
    wrapper.unmount()
  })

  it('disables Redeliver on a disabled endpoint with the WEBHOOK_ENDPOINT_DISABLED message', async () => {
    const api = withMe(MANAGER, {
      getWebhookEndpoint: (id) => Promise.resolve(fakeWebhookEndpoint({ id, status: 'DISABLED' })),
    })
    const { wrapper } = await openLog(api)
    expect(wrapper.get('[data-testid="delivery-redeliver"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="delivery-redeliver-hint"]').attributes('aria-label')).toBe(
      `Redeliver: ${failureMessage('WEBHOOK_ENDPOINT_DISABLED', 'en')}`
    )
    wrapper.unmount()
  })

  it('says how many days the log keeps when it is empty, from GET /me', async () => {
    const me = { ...MANAGER, limits: { ...FAKE_LIMITS, webhookLogRetentionDays: 14 } }
    const api = withMe(me, {
      findWebhookDeliveries: () => Promise.resolve({ items: [], total: 0, page: 1, pageSize: 20 }),
    })
    const { wrapper } = await openLog(api)
    expect(wrapper.get('[data-testid="deliveries-table"]').text()).toContain(
      'No deliveries in the last 14 days.'
    )
    wrapper.unmount()
  })

  it('goes back to Webhooks', async () => {
    const { wrapper, route } = await openLog()
    expect(wrapper.get('[data-testid="delivery-log-back"]').text()).toContain('Back to Webhooks')
    await wrapper.get('[data-testid="delivery-log-back"]').trigger('click')
    expect(route.view).toBe('webhooks')
    wrapper.unmount()
  })

  it('speaks Simplified Chinese', async () => {
    const { wrapper } = await openLog(withMe(MANAGER), 'zh-CN')
    expect(wrapper.get('[data-testid="delivery-event"]').text()).toBe('邀请已发送')
    expect(wrapper.get('[data-testid="delivery-status"]').text()).toBe('已送达')
    expect(wrapper.get('[data-testid="delivery-duration"]').text()).toBe('42 毫秒')
    expect(wrapper.get('[data-testid="delivery-redeliver"]').text()).toBe('重新发送')
    expect(wrapper.get('[data-testid="delivery-log-back"]').text()).toContain('返回 Webhook')
    wrapper.unmount()
  })
})

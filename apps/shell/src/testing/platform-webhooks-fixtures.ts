// Fixtures of the ecosystem manager's Webhooks page tests (S35): endpoints, deliveries and a
// fake admin client, and the page mounted on a memory router in a chosen language.
import type {
  MeResponse,
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookEndpointItem,
} from '@partner-center/contracts'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ADMIN_WEBHOOKS_API, type AdminWebhooksApi } from '../admin-api'
import { createShellI18n } from '../i18n'
import WebhooksPage from '../pages/WebhooksPage.vue'
import { useSessionStore } from '../stores/session'
import { TEST_LIMITS } from './console-limits'

export const ENDPOINT_ID = '60000000-0000-4000-8000-000000000001'
export const SECRET = `whsec_${'B'.repeat(43)}=`

export function endpoint(overrides: Partial<WebhookEndpointItem> = {}): WebhookEndpointItem {
  return {
    id: ENDPOINT_ID,
    url: 'https://bi.example.com/hooks/all-partners',
    eventTypes: ['association.created'],
    description: 'Platform BI',
    status: 'ENABLED',
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    lastDeliveredAt: null,
    secretRotatedAt: null,
    previousSecretExpiresAt: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000009', displayName: 'Mei Chen' },
    createdAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  }
}

export function delivery(overrides: Partial<WebhookDeliveryItem> = {}): WebhookDeliveryItem {
  return {
    id: '70000000-0000-4000-8000-000000000001',
    webhookId: 'evt_80000000-0000-4000-8000-000000000001',
    eventId: '80000000-0000-4000-8000-000000000001',
    eventType: 'association.created',
    occurredAt: '2025-01-10T09:00:00.000Z',
    partner: { id: '00000000-0000-4000-8000-00000000000a', name: 'Acme Cloud Services' },
    status: 'FAILED',
    attempts: 1,
    lastAttemptAt: '2025-01-10T09:00:01.000Z',
    lastOutcome: 'HTTP',
    lastStatusCode: 503,
    lastDurationMs: 12,
    runAfter: null,
    deliveredAt: null,
    cancelReason: null,
    isTest: false,
    createdAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  }
}

export function detail(overrides: Partial<WebhookDeliveryDetail> = {}): WebhookDeliveryDetail {
  return {
    ...delivery(),
    attemptList: [
      {
        number: 1,
        startedAt: '2025-01-10T09:00:01.000Z',
        webhookTimestamp: 1736499601,
        durationMs: 12,
        outcome: 'HTTP',
        statusCode: 503,
        remoteAddress: '203.0.113.9',
        responseExcerpt: 'busy',
      },
    ],
    body: '{"type":"association.created"}',
    ...overrides,
  }
}

export function fakeApi(overrides: Partial<AdminWebhooksApi> = {}) {
  return {
    findPlatformWebhookEndpoints: vi.fn(() =>
      Promise.resolve({ items: [endpoint()], total: 1, page: 1, pageSize: 100 })
    ),
    createPlatformWebhookEndpoint: vi.fn((body: { url: string; eventTypes: string[] }) =>
      Promise.resolve({
        ...endpoint({
          id: '60000000-0000-4000-8000-000000000002',
          url: body.url,
          eventTypes: body.eventTypes as WebhookEndpointItem['eventTypes'],
        }),
        secret: SECRET,
      })
    ),
    getPlatformWebhookEndpoint: vi.fn((id: string) => Promise.resolve(endpoint({ id }))),
    updatePlatformWebhookEndpoint: vi.fn((id: string, body: { enabled?: boolean }) =>
      Promise.resolve(endpoint({ id, status: body.enabled === false ? 'DISABLED' : 'ENABLED' }))
    ),
    deletePlatformWebhookEndpoint: vi.fn(() => Promise.resolve(null)),
    rotatePlatformWebhookSecret: vi.fn(() =>
      Promise.resolve({ secret: SECRET, previousSecretExpiresAt: '2025-01-11T09:00:00.000Z' })
    ),
    sendPlatformWebhookTestEvent: vi.fn(() =>
      Promise.resolve({
        eventId: '80000000-0000-4000-8000-000000000009',
        deliveryId: '70000000-0000-4000-8000-000000000009',
      })
    ),
    findPlatformWebhookDeliveries: vi.fn(() =>
      Promise.resolve({ items: [delivery()], total: 1, page: 1, pageSize: 20 })
    ),
    getPlatformWebhookDelivery: vi.fn((_endpointId: string, deliveryId: string) =>
      Promise.resolve(detail({ id: deliveryId }))
    ),
    redeliverPlatformWebhookDelivery: vi.fn((_endpointId: string, deliveryId: string) =>
      Promise.resolve(delivery({ id: deliveryId, status: 'PENDING', runAfter: null }))
    ),
    ...overrides,
  } satisfies AdminWebhooksApi
}

export function me(role: MeResponse['user']['role'] = 'ecosystem_manager'): MeResponse {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000009',
      email: 'mei.chen@ecosystem.example',
      displayName: 'Mei Chen',
      role,
      locale: 'en',
    },
    partner: null,
    permissions: [],
    platformName: 'Example Cloud',
    limits: { ...TEST_LIMITS, webhookTimeoutSeconds: 8, webhookLogRetentionDays: 21 },
  }
}

export async function open(
  api: AdminWebhooksApi,
  path = '/admin/webhooks',
  role: MeResponse['user']['role'] = 'ecosystem_manager',
  locale: 'en' | 'zh-CN' = 'en'
) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = me(role)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/admin/webhooks/:id?', component: WebhooksPage }],
  })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    {
      global: {
        plugins: [pinia, router, createShellI18n(locale)],
        provide: { [ADMIN_WEBHOOKS_API as symbol]: api },
      },
      attachTo: document.body,
    }
  )
  await flushPromises()
  return { wrapper, router }
}

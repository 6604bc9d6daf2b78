// The webhook part of the module's fake API (S30, S33): sample endpoints, deliveries and the
// webhook methods.
import type {
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookEndpointItem,
} from '@partner-center/contracts'
import { vi, type Mock } from 'vitest'
import type { ModuleApi } from '../src/module-api'

/** The {@link ModuleApi} methods of webhook endpoints and their deliveries. */
export type WebhookMethod =
  | 'findWebhookEndpoints'
  | 'createWebhookEndpoint'
  | 'getWebhookEndpoint'
  | 'updateWebhookEndpoint'
  | 'deleteWebhookEndpoint'
  | 'rotateWebhookSecret'
  | 'sendWebhookTestEvent'
  | 'findWebhookDeliveries'
  | 'getWebhookDelivery'
  | 'redeliverWebhookDelivery'

/** A signing secret as the API answers it once (R128). */
export const FAKE_WEBHOOK_SECRET = `whsec_${'A'.repeat(43)}=`

/** One ENABLED webhook endpoint as listed (S30); `overrides` change any field. */
export function fakeWebhookEndpoint(
  overrides: Partial<WebhookEndpointItem> = {}
): WebhookEndpointItem {
  return {
    id: '60000000-0000-4000-8000-000000000001',
    url: 'https://crm.example.com/hooks/partner-center',
    eventTypes: ['preregistration.created', 'invitation.sent'],
    description: 'CRM sync',
    status: 'ENABLED',
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    lastDeliveredAt: null,
    secretRotatedAt: null,
    previousSecretExpiresAt: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Acme Admin' },
    createdAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  }
}

/** One DELIVERED delivery as listed (S33); `overrides` change any field. */
export function fakeWebhookDelivery(
  overrides: Partial<WebhookDeliveryItem> = {}
): WebhookDeliveryItem {
  return {
    id: '70000000-0000-4000-8000-000000000001',
    webhookId: 'evt_80000000-0000-4000-8000-000000000001',
    eventId: '80000000-0000-4000-8000-000000000001',
    eventType: 'invitation.sent',
    occurredAt: '2025-01-10T09:00:00.000Z',
    partner: null,
    status: 'DELIVERED',
    attempts: 1,
    lastAttemptAt: '2025-01-10T09:00:01.000Z',
    lastOutcome: 'HTTP',
    lastStatusCode: 200,
    lastDurationMs: 42,
    runAfter: null,
    deliveredAt: '2025-01-10T09:00:01.000Z',
    cancelReason: null,
    isTest: false,
    createdAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  }
}

/** A delivery with its attempts and body (R138); `overrides` change any field. */
export function fakeWebhookDeliveryDetail(
  overrides: Partial<WebhookDeliveryDetail> = {}
): WebhookDeliveryDetail {
  return {
    ...fakeWebhookDelivery(),
    attemptList: [
      {
        number: 1,
        startedAt: '2025-01-10T09:00:01.000Z',
        webhookTimestamp: 1736499601,
        durationMs: 42,
        outcome: 'HTTP',
        statusCode: 200,
        remoteAddress: '203.0.113.7',
        responseExcerpt: 'ok',
      },
    ],
    body: '{"type":"invitation.sent"}',
    ...overrides,
  }
}

/** The webhook methods of the fake API, each a typed `vi.fn` answering the samples above. */
export function fakeWebhooksApi(): { [K in WebhookMethod]: Mock<ModuleApi[K]> } {
  return {
    findWebhookEndpoints: vi.fn<ModuleApi['findWebhookEndpoints']>(() =>
      Promise.resolve({ items: [fakeWebhookEndpoint()], total: 1, page: 1, pageSize: 100 })
    ),
    createWebhookEndpoint: vi.fn<ModuleApi['createWebhookEndpoint']>((body) =>
      Promise.resolve({
        ...fakeWebhookEndpoint({
          id: '60000000-0000-4000-8000-000000000002',
          url: body.url,
          description: body.description ?? '',
          eventTypes: body.eventTypes as WebhookEndpointItem['eventTypes'],
          status: body.enabled === false ? 'DISABLED' : 'ENABLED',
        }),
        secret: FAKE_WEBHOOK_SECRET,
      })
    ),
    getWebhookEndpoint: vi.fn<ModuleApi['getWebhookEndpoint']>((id) =>
      Promise.resolve(fakeWebhookEndpoint({ id }))
    ),
    updateWebhookEndpoint: vi.fn<ModuleApi['updateWebhookEndpoint']>((id, body) =>
      Promise.resolve(
        fakeWebhookEndpoint({
          id,
          ...(body.url === undefined ? {} : { url: body.url }),
          ...(body.description === undefined ? {} : { description: body.description }),
          ...(body.eventTypes === undefined
            ? {}
            : { eventTypes: body.eventTypes as WebhookEndpointItem['eventTypes'] }),
          ...(body.enabled === undefined ? {} : { status: body.enabled ? 'ENABLED' : 'DISABLED' }),
        })
      )
    ),
    deleteWebhookEndpoint: vi.fn<ModuleApi['deleteWebhookEndpoint']>(() => Promise.resolve(null)),
    rotateWebhookSecret: vi.fn<ModuleApi['rotateWebhookSecret']>(() =>
      Promise.resolve({
        secret: FAKE_WEBHOOK_SECRET,
        previousSecretExpiresAt: '2025-01-11T09:00:00.000Z',
      })
    ),
    sendWebhookTestEvent: vi.fn<ModuleApi['sendWebhookTestEvent']>(() =>
      Promise.resolve({
        eventId: '80000000-0000-4000-8000-000000000009',
        deliveryId: '70000000-0000-4000-8000-000000000009',
      })
    ),
    findWebhookDeliveries: vi.fn<ModuleApi['findWebhookDeliveries']>(() =>
      Promise.resolve({ items: [fakeWebhookDelivery()], total: 1, page: 1, pageSize: 20 })
    ),
    getWebhookDelivery: vi.fn<ModuleApi['getWebhookDelivery']>((_endpointId, deliveryId) =>
      Promise.resolve(fakeWebhookDeliveryDetail({ id: deliveryId }))
    ),
    redeliverWebhookDelivery: vi.fn<ModuleApi['redeliverWebhookDelivery']>((_endpointId, id) =>
      Promise.resolve(
        fakeWebhookDelivery({ id, status: 'PENDING', runAfter: '2025-01-10T09:05:00.000Z' })
      )
    ),
  }
}

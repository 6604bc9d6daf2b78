import type {
  ApiKeyItem,
  GeneralInvitationLink,
  HistoryItem,
  InvitationLinkItem,
  LinkAssociationItem,
  InvitationBatchProgress,
  InvitationBatchResponse,
  MeResponse,
  PreregistrationItem,
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookEndpointItem,
} from '@partner-center/contracts'
import { vi, type Mock } from 'vitest'
import type { ModuleApi } from '../src/module-api'

/**
 * Limits of `GET /me` other than the defaults (link validity 5 days, 3 attempts), so a text that
 * wrote the default number instead of reading the limit fails.
 */
export const FAKE_LIMITS: MeResponse['limits'] = {
  invitationTtlDays: 5,
  preregistrationValidityDays: 12,
  reviewTimeoutDays: 10,
  accountMaxAgeDays: 6,
  maxDeliveryAttempts: 3,
  linkTagMax: 32,
  activityLinkMaxDays: 45,
  invitationReminderHours: 36,
  apiKeysMax: 10,
  webhookTimeoutSeconds: 10,
  webhookRetryWindowHours: 24,
  webhookDisableAfterHours: 24,
  webhookSecretOverlapHours: 24,
  webhookLogRetentionDays: 30,
  webhookEndpointsMax: 10,
  externalRefMax: 64,
}

/** The ecosystem manager contact of {@link fakeMe}'s partner, as seeded (domain.md §10.1). */
export const FAKE_ECOSYSTEM_MANAGER = { name: 'Mei Chen', email: 'mei.chen@ecosystem.example' }

/** A signed-in Acme admin with referral enabled (domain.md §10.1). */
export function fakeMe(
  capabilities: Partial<NonNullable<MeResponse['partner']>['capabilities']> = {}
): MeResponse {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'admin@acme.example',
      displayName: 'Acme Admin',
      role: 'admin',
      locale: 'en',
    },
    partner: {
      id: '00000000-0000-4000-8000-000000000002',
      name: 'Acme Cloud Services',
      contactEmail: 'partners@acme.example',
      contactMobile: null,
      ecosystemManager: FAKE_ECOSYSTEM_MANAGER,
      defaultLocale: 'en',
      capabilities: {
        customerDevelopmentEnabled: true,
        referralModelEnabled: true,
        isPrepaid: false,
        preregistrationQuota: 100,
        dailyInviteCap: 500,
        ...capabilities,
      },
    },
    permissions: [],
    platformName: 'Example Cloud',
    limits: FAKE_LIMITS,
  }
}

/** One masked list row; `overrides` change any field. */
export function fakeRow(overrides: Partial<PreregistrationItem> = {}): PreregistrationItem {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    customerName: 'A***',
    accountName: null,
    email: 'n***@customer.example',
    mobile: null,
    locale: 'en',
    externalRef: null,
    source: 'PARTNER_CENTER',
    status: 'PRE_REGISTERED',
    createdAt: '2025-01-10T09:00:00.000Z',
    validUntil: '2025-01-25T09:00:00.000Z',
    reviewReason: null,
    reviewNote: null,
    closedReason: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Acme Sales' },
    latestInvitation: null,
    inviteCheck: { allowed: true },
    ...overrides,
  }
}

/** One ACTIVE API key as listed (S34); `overrides` change any field. */
export function fakeApiKey(overrides: Partial<ApiKeyItem> = {}): ApiKeyItem {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    name: 'CRM sync',
    role: 'read_only',
    keyPrefix: 'pck_AbCdEfGh',
    status: 'ACTIVE',
    createdBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Acme Admin' },
    createdAt: '2025-01-10T09:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  }
}

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

/** A fake {@link ModuleApi}: every method a typed `vi.fn`. */
export type FakeApi = { [K in keyof ModuleApi]: Mock<ModuleApi[K]> }

/** A 202 answer of invite or resend (R42, R45) queuing every id. */
export function fakeBatch(
  ids: string[] = [fakeRow().id],
  batchId = '20000000-0000-4000-8000-000000000001'
): InvitationBatchResponse {
  return {
    batchId,
    associationType: 'reseller',
    requested: ids.length,
    queued: ids.length,
    skipped: 0,
    results: ids.map((preregistrationId, index) => ({
      preregistrationId,
      outcome: 'QUEUED',
      invitationId: `30000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    })),
  }
}

/** A `GET …/invitation-batches/{id}` answer (R49); `counts` change the delivery counts. */
export function fakeProgress(
  counts: Partial<Pick<InvitationBatchProgress, 'pending' | 'sent' | 'failed' | 'cancelled'>> = {}
): InvitationBatchProgress {
  const batch = fakeBatch()
  const pending = counts.pending ?? 0
  return {
    ...batch,
    kind: 'INVITE',
    createdAt: '2025-01-10T09:00:00.000Z',
    total: batch.queued,
    pending,
    sent: counts.sent ?? batch.queued - pending,
    failed: counts.failed ?? 0,
    cancelled: counts.cancelled ?? 0,
    done: pending === 0,
  }
}

/** One masked History Records row (R74); `overrides` change any field. */
export function fakeHistoryItem(overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    id: '30000000-0000-4000-8000-000000000001',
    preregistrationId: fakeRow().id,
    externalRef: null,
    channel: 'email',
    linkTag: null,
    customerName: 'U***',
    email: 'u***@customer.example',
    mobile: null,
    associationType: 'reseller',
    invitedBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Acme Sales' },
    createdAt: '2025-01-08T09:00:00.000Z',
    sentAt: '2025-01-08T09:00:05.000Z',
    expiresAt: '2025-01-15T09:00:05.000Z',
    acceptedAt: null,
    attemptCount: 1,
    supersededById: null,
    status: 'SENT',
    statusFilter: 'INVITED',
    statusLabel: 'Invited',
    failure: null,
    renewalRequestedAt: null,
    reminderSentAt: null,
    reminderFailed: false,
    preregistrationDeleted: false,
    resendCheck: { allowed: true },
    ...overrides,
  }
}

/** The signed-in user's general invitation link (R91). */
export function fakeGeneralLink(
  overrides: Partial<GeneralInvitationLink> = {}
): GeneralInvitationLink {
  return {
    id: '40000000-0000-4000-8000-000000000001',
    tag: 'admin@acme.example',
    associationType: 'reseller',
    createdAt: '2025-01-08T09:00:00.000Z',
    registrationCount: 3,
    associationCount: 2,
    url: 'http://portal.example/join#R2VuZXJhbC1saW5rLWNvZGUtb2YtNDMtY2hhcmFjdGVycw',
    ...overrides,
  }
}

/** One custom link as listed (R95); `overrides` change any field. */
export function fakeLinkItem(overrides: Partial<InvitationLinkItem> = {}): InvitationLinkItem {
  return {
    id: '40000000-0000-4000-8000-000000000002',
    tag: 'Spring Fair',
    associationType: 'reseller',
    createdBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Acme Admin' },
    createdAt: '2025-01-09T09:00:00.000Z',
    expiresAt: null,
    registrationCount: 1,
    associationCount: 1,
    status: 'ACTIVE',
    actions: {
      copy: { allowed: true },
      disable: { allowed: true },
      enable: { allowed: false, code: 'VALIDATION_FAILED' },
    },
    ...overrides,
  }
}

/** One customer associated through a link (R98), masked. */
export function fakeLinkAssociation(
  overrides: Partial<LinkAssociationItem> = {}
): LinkAssociationItem {
  return {
    id: '50000000-0000-4000-8000-000000000001',
    customerName: 'L***',
    email: 'l***@customer.example',
    mobile: null,
    accountName: 'L***',
    linkId: fakeLinkItem().id,
    linkTag: 'Spring Fair',
    channel: 'custom_link',
    associationType: 'reseller',
    associatedAt: '2025-01-10T09:00:00.000Z',
    ...overrides,
  }
}

/** A {@link ModuleApi} whose every method is a `vi.fn`; pass the answers a test needs. */
export function fakeApi(overrides: Partial<ModuleApi> = {}): FakeApi {
  const api: FakeApi = {
    getMe: vi.fn<ModuleApi['getMe']>(() => Promise.resolve(fakeMe())),
    findPreregistrations: vi.fn<ModuleApi['findPreregistrations']>(() =>
      Promise.resolve({ items: [fakeRow()], total: 1, page: 1, pageSize: 20 })
    ),
    createPreregistration: vi.fn<ModuleApi['createPreregistration']>(() =>
      Promise.resolve(fakeRow())
    ),
    deletePreregistration: vi.fn<ModuleApi['deletePreregistration']>((id) =>
      Promise.resolve({ preregistrationId: id, outcome: 'DELETED', revokedInvitationId: null })
    ),
    batchDeletePreregistrations: vi.fn<ModuleApi['batchDeletePreregistrations']>((ids) =>
      Promise.resolve({
        requested: ids.length,
        deleted: ids.length,
        skipped: 0,
        results: ids.map((preregistrationId) => ({ preregistrationId, outcome: 'DELETED' })),
      })
    ),
    sendInvitations: vi.fn<ModuleApi['sendInvitations']>((body) =>
      Promise.resolve(fakeBatch(body.preregistrationIds))
    ),
    getInvitationBatch: vi.fn<ModuleApi['getInvitationBatch']>(() =>
      Promise.resolve(fakeProgress())
    ),
    previewInvitation: vi.fn<ModuleApi['previewInvitation']>(() =>
      Promise.resolve({ subject: 's', html: '<p>h</p>', text: 't' })
    ),
    resendInvitation: vi.fn<ModuleApi['resendInvitation']>(() =>
      Promise.resolve(fakeBatch(undefined, '20000000-0000-4000-8000-000000000002'))
    ),
    findHistory: vi.fn<ModuleApi['findHistory']>(() =>
      Promise.resolve({ items: [fakeHistoryItem()], total: 1, page: 1, pageSize: 20 })
    ),
    getGeneralInvitationLink: vi.fn<ModuleApi['getGeneralInvitationLink']>(() =>
      Promise.resolve(fakeGeneralLink())
    ),
    resetGeneralInvitationLink: vi.fn<ModuleApi['resetGeneralInvitationLink']>(() =>
      Promise.resolve(fakeGeneralLink({ id: '40000000-0000-4000-8000-000000000009' }))
    ),
    findInvitationLinks: vi.fn<ModuleApi['findInvitationLinks']>(() =>
      Promise.resolve({ items: [fakeLinkItem()], total: 1, page: 1, pageSize: 20 })
    ),
    createInvitationLink: vi.fn<ModuleApi['createInvitationLink']>((body) =>
      Promise.resolve(fakeLinkItem({ id: '40000000-0000-4000-8000-000000000003', tag: body.tag }))
    ),
    getInvitationLinkUrl: vi.fn<ModuleApi['getInvitationLinkUrl']>(() =>
      Promise.resolve({
        url: 'http://portal.example/join#Q3VzdG9tLWxpbmstY29kZS1vZi00My1jaGFyYWN0ZXJz',
      })
    ),
    disableInvitationLink: vi.fn<ModuleApi['disableInvitationLink']>((id) =>
      Promise.resolve(fakeLinkItem({ id, status: 'DISABLED' }))
    ),
    enableInvitationLink: vi.fn<ModuleApi['enableInvitationLink']>((id) =>
      Promise.resolve(fakeLinkItem({ id }))
    ),
    findLinkAssociations: vi.fn<ModuleApi['findLinkAssociations']>(() =>
      Promise.resolve({ items: [fakeLinkAssociation()], total: 1, page: 1, pageSize: 20 })
    ),
    findApiKeys: vi.fn<ModuleApi['findApiKeys']>(() =>
      Promise.resolve({ items: [fakeApiKey()], total: 1, page: 1, pageSize: 100 })
    ),
    createApiKey: vi.fn<ModuleApi['createApiKey']>((body) =>
      Promise.resolve({
        ...fakeApiKey({ id: '40000000-0000-4000-8000-000000000002', name: body.name }),
        role: body.role as ApiKeyItem['role'],
        key: `pck_${'k'.repeat(43)}`,
      })
    ),
    revokeApiKey: vi.fn<ModuleApi['revokeApiKey']>((id) =>
      Promise.resolve(fakeApiKey({ id, status: 'REVOKED', revokedAt: '2025-01-11T09:00:00.000Z' }))
    ),
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
  for (const key of Object.keys(overrides) as (keyof ModuleApi)[]) {
    const implementation = overrides[key]
    if (implementation) (api[key] as Mock).mockImplementation(implementation)
  }
  return api
}

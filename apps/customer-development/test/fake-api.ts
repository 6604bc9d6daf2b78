import type {
  GeneralInvitationLink,
  HistoryItem,
  InvitationLinkItem,
  LinkAssociationItem,
  InvitationBatchProgress,
  InvitationBatchResponse,
  MeResponse,
  PreregistrationItem,
} from '@partner-center/contracts'
import { vi, type Mock } from 'vitest'
import type { ModuleApi } from '../src/module-api'
import { fakeApiKeysApi } from './fake-api-keys'
import { fakeWebhooksApi } from './fake-webhooks-api'

export { fakeApiKey } from './fake-api-keys'
export {
  FAKE_WEBHOOK_SECRET,
  fakeWebhookDelivery,
  fakeWebhookDeliveryDetail,
  fakeWebhookEndpoint,
} from './fake-webhooks-api'

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
    ...fakeApiKeysApi(),
    ...fakeWebhooksApi(),
  }
  for (const key of Object.keys(overrides) as (keyof ModuleApi)[]) {
    const implementation = overrides[key]
    if (implementation) (api[key] as Mock).mockImplementation(implementation)
  }
  return api
}

import type { MeResponse, PreregistrationItem } from '@partner-center/contracts'
import { vi, type Mock } from 'vitest'
import type { ModuleApi } from '../src/module-api'

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
  }
}

/** One masked list row; `overrides` change any field. */
export function fakeRow(overrides: Partial<PreregistrationItem> = {}): PreregistrationItem {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    customerName: 'A***',
    email: 'n***@customer.example',
    mobile: null,
    locale: 'en',
    source: 'PARTNER_CENTER',
    status: 'PRE_REGISTERED',
    createdAt: '2025-01-10T09:00:00.000Z',
    validUntil: '2025-01-25T09:00:00.000Z',
    reviewReason: null,
    reviewNote: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Acme Sales' },
    latestInvitation: null,
    inviteCheck: { allowed: true },
    ...overrides,
  }
}

/** A fake {@link ModuleApi}: every method a typed `vi.fn`. */
export type FakeApi = { [K in keyof ModuleApi]: Mock<ModuleApi[K]> }

const batch = (batchId: string) => ({
  batchId,
  associationType: 'reseller' as const,
  requested: 1,
  queued: 1,
  skipped: 0,
  results: [],
})

/** A {@link ModuleApi} whose every method is a `vi.fn`; pass the answers a test needs. */
export function fakeApi(overrides: Partial<ModuleApi> = {}): FakeApi {
  const api: FakeApi = {
    getMe: vi.fn<ModuleApi['getMe']>(() => Promise.resolve(fakeMe())),
    findPreregistrations: vi.fn<ModuleApi['findPreregistrations']>(() =>
      Promise.resolve({ items: [fakeRow()], total: 1, page: 1, pageSize: 20 })
    ),
    preregister: vi.fn<ModuleApi['preregister']>(() =>
      Promise.resolve({ id: 'x', status: 'PRE_REGISTERED', validUntil: '2025-01-25T09:00:00.000Z' })
    ),
    deletePreregistration: vi.fn<ModuleApi['deletePreregistration']>(() => Promise.resolve()),
    batchDeletePreregistrations: vi.fn<ModuleApi['batchDeletePreregistrations']>(() =>
      Promise.resolve({ results: [] })
    ),
    invite: vi.fn<ModuleApi['invite']>(() => Promise.resolve(batch('b-1'))),
    getInvitationBatch: vi.fn<ModuleApi['getInvitationBatch']>(() =>
      Promise.resolve({ pending: 0, sent: 1, failed: 0, cancelled: 0, done: true })
    ),
    previewInvitation: vi.fn<ModuleApi['previewInvitation']>(() =>
      Promise.resolve({ subject: 's', html: '<p>h</p>', text: 't' })
    ),
    resendInvitation: vi.fn<ModuleApi['resendInvitation']>(() => Promise.resolve(batch('b-2'))),
    findHistory: vi.fn<ModuleApi['findHistory']>(() =>
      Promise.resolve({ items: [], total: 0, page: 1, pageSize: 20 })
    ),
  }
  for (const key of Object.keys(overrides) as (keyof ModuleApi)[]) {
    const implementation = overrides[key]
    if (implementation) (api[key] as Mock).mockImplementation(implementation)
  }
  return api
}

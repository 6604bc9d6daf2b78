// The API-key part of the module's fake API (S34): a sample row and the key methods.
import type { ApiKeyItem } from '@partner-center/contracts'
import { vi, type Mock } from 'vitest'
import type { ModuleApi } from '../src/module-api'

/** The {@link ModuleApi} methods that manage API keys. */
export type ApiKeyMethod = 'findApiKeys' | 'createApiKey' | 'revokeApiKey'

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

/** The API-key methods of the fake API, each a typed `vi.fn` answering {@link fakeApiKey} rows. */
export function fakeApiKeysApi(): { [K in ApiKeyMethod]: Mock<ModuleApi[K]> } {
  return {
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
  }
}

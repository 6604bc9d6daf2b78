import type {
  ApiError,
  ApiKeyItem,
  CreateApiKeyRequest,
  CreatedApiKey,
} from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { toApiError } from '../errors'

// One page as large as the API allows: a partner holds at most `apiKeysMax` active keys (10 by
// default), so the page shows every key that still works and the newest revoked ones.
const PAGE_SIZE = 100

/** The item of a created key, without the key itself (never kept). */
function listed({ key: _key, ...item }: CreatedApiKey): ApiKeyItem {
  return item
}

/**
 * The partner's API keys (S34, R139, R143): the list, creation and revocation. The raw key of a
 * creation is returned to the caller, which shows it once; the store keeps only the item.
 */
export const useApiKeysStore = defineStore('customer-development/api-keys', () => {
  const api = useModuleApi()

  const items = ref<ApiKeyItem[]>([])
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)
  // "Create API Key" is disabled at `apiKeysMax` of these (S34).
  const activeCount = computed(() => items.value.filter((key) => key.status === 'ACTIVE').length)

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      items.value = (await api.findApiKeys({ page: 1, pageSize: PAGE_SIZE })).items
      error.value = null
      status.value = 'success'
    } catch (cause) {
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  /** Creates a key (R139) and lists it first; throws the API error for the dialog to show. */
  async function create(body: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const created = await api.createApiKey(body)
    const item = listed(created)
    items.value = [item, ...items.value.filter((other) => other.id !== item.id)]
    return created
  }

  /** Revokes a key (R143) and shows it revoked; throws the API error. */
  async function revoke(id: string): Promise<void> {
    const revoked = await api.revokeApiKey(id)
    items.value = items.value.map((key) => (key.id === id ? revoked : key))
  }

  return { items, status, error, activeCount, load, create, revoke }
})

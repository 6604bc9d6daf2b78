import { ApiError, type ApiKeyItem, type CreatedApiKey } from '@partner-center/contracts'
import { computed, ref } from 'vue'
import type { AdminApi } from '../admin-api'

// One page as large as the API allows: at most `apiKeysMax` keys are active at once, so the
// page holds every key that still works and the newest revoked ones.
const PAGE_SIZE = 100

/** The item of a created key, without the key itself (never kept). */
function listed({ key: _key, ...item }: CreatedApiKey): ApiKeyItem {
  return item
}

/**
 * The platform's API keys (domain.md S35, R139, R143): the list, creation and revocation. The
 * raw key of a creation goes to the caller, which shows it once; the list keeps only the item.
 */
export function usePlatformApiKeys(api: AdminApi) {
  const items = ref<ApiKeyItem[]>([])
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const loadError = ref<ApiError | null>(null)
  // "Create API Key" is disabled at `apiKeysMax` of these (S34).
  const activeCount = computed(() => items.value.filter((key) => key.status === 'ACTIVE').length)

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      items.value = (await api.findPlatformApiKeys({ page: 1, pageSize: PAGE_SIZE })).items
      loadError.value = null
      status.value = 'success'
    } catch (cause) {
      loadError.value = cause instanceof ApiError ? cause : null
      status.value = 'error'
    }
  }

  /** Creates a key and lists it first; throws the API's refusal for the dialog to show. */
  async function create(name: string): Promise<CreatedApiKey> {
    const created = await api.createPlatformApiKey({ name })
    const item = listed(created)
    items.value = [item, ...items.value.filter((other) => other.id !== item.id)]
    return created
  }

  /** Revokes a key and shows it revoked; throws the API's refusal. */
  async function revoke(id: string): Promise<void> {
    const revoked = await api.revokePlatformApiKey(id)
    items.value = items.value.map((key) => (key.id === id ? revoked : key))
  }

  return { items, status, loadError, activeCount, load, create, revoke }
}

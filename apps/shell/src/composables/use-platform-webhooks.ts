import type {
  ApiError,
  CreateWebhookEndpointRequest,
  CreatedWebhookEndpoint,
  RotatedWebhookSecret,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryDetail,
  WebhookEndpointItem,
} from '@partner-center/contracts'
import { ApiError as ApiErrorClass } from '@partner-center/contracts'
import { onBeforeUnmount, ref, shallowRef } from 'vue'
import type { AdminWebhooksApi } from '../admin-api'

// One page as large as the API allows: at most `webhookEndpointsMax` platform endpoints.
const PAGE_SIZE = 100
// How long the page waits between two reads of a test delivery (R137: the page polls it).
const POLL_INTERVAL_MS = 1000
const TERMINAL = ['DELIVERED', 'FAILED', 'CANCELLED']

/** Where a "Send Test Event" of one endpoint stands (S30). */
export interface TestEventState {
  phase: 'sending' | 'done'
  delivery: WebhookDeliveryDetail | null
}

/** The item of a created endpoint, without its secret (never kept). */
function listed({ secret: _secret, ...item }: CreatedWebhookEndpoint): WebhookEndpointItem {
  return item
}

/**
 * The platform's webhook endpoints (S35 over S30, R126–R129, R137): the list, creation, edits,
 * status, deletion, rotation and test events. A secret goes to the caller, which shows it once.
 * Polls end when the page's component is unmounted.
 */
export function usePlatformWebhooks(api: AdminWebhooksApi) {
  const items = ref<WebhookEndpointItem[]>([])
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const loadError = ref<ApiError | null>(null)
  const tests = shallowRef<Record<string, TestEventState>>({})
  let active = true
  onBeforeUnmount(() => {
    active = false
  })

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      const page = await api.findPlatformWebhookEndpoints({ page: 1, pageSize: PAGE_SIZE })
      items.value = page.items
      loadError.value = null
      status.value = 'success'
    } catch (cause) {
      loadError.value = cause instanceof ApiErrorClass ? cause : null
      status.value = 'error'
    }
  }

  function replace(item: WebhookEndpointItem): void {
    items.value = items.value.map((other) => (other.id === item.id ? item : other))
  }

  async function create(body: CreateWebhookEndpointRequest): Promise<CreatedWebhookEndpoint> {
    const created = await api.createPlatformWebhookEndpoint(body)
    items.value = [listed(created), ...items.value]
    return created
  }

  async function update(id: string, body: UpdateWebhookEndpointRequest): Promise<void> {
    replace(await api.updatePlatformWebhookEndpoint(id, body))
  }

  async function remove(id: string): Promise<void> {
    await api.deletePlatformWebhookEndpoint(id)
    items.value = items.value.filter((item) => item.id !== id)
  }

  async function rotate(id: string): Promise<RotatedWebhookSecret> {
    const rotated = await api.rotatePlatformWebhookSecret(id)
    try {
      replace(await api.getPlatformWebhookEndpoint(id))
    } catch {
      // The rotation happened; a failed re-read only leaves the row's older times.
    }
    return rotated
  }

  function setTest(id: string, state: TestEventState | null): void {
    const next = { ...tests.value }
    if (state) next[id] = state
    else delete next[id]
    tests.value = next
  }

  /** Sends a test event (R137) and reads its delivery until it is terminal; throws a refusal. */
  async function sendTest(id: string): Promise<void> {
    setTest(id, { phase: 'sending', delivery: null })
    try {
      const answer = await api.sendPlatformWebhookTestEvent(id)
      while (active) {
        const delivery = await api.getPlatformWebhookDelivery(id, answer.deliveryId)
        if (TERMINAL.includes(delivery.status)) {
          setTest(id, { phase: 'done', delivery })
          return
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
      }
    } catch (cause) {
      // A refusal (or a failed read) leaves no "Sending…" behind; the caller says why.
      setTest(id, null)
      throw cause
    }
  }

  return { items, status, loadError, tests, load, create, update, remove, rotate, sendTest }
}

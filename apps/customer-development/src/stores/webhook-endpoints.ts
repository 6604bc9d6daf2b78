import type {
  ApiError,
  CreateWebhookEndpointRequest,
  CreatedWebhookEndpoint,
  RotatedWebhookSecret,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryDetail,
  WebhookEndpointItem,
} from '@partner-center/contracts'
import { TERMINAL_DELIVERY_STATUSES } from '@partner-center/domain'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { toApiError } from '../errors'

// One page as large as the API allows: a partner holds at most `webhookEndpointsMax` (10).
const PAGE_SIZE = 100
// How long the page waits between two reads of a test delivery (R137: the page polls it).
const POLL_INTERVAL_MS = 1000

/** Where a "Send Test Event" of one endpoint stands (S30). */
export interface TestEventState {
  deliveryId: string | null
  /** `sending` until the delivery is terminal, then its detail says how it ended. */
  phase: 'sending' | 'done'
  delivery: WebhookDeliveryDetail | null
}

/** The item of a created endpoint, without its secret (never kept). */
function listed({ secret: _secret, ...item }: CreatedWebhookEndpoint): WebhookEndpointItem {
  return item
}

/** `record` without `key`. */
function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([other]) => other !== key))
}

function isTerminal(delivery: WebhookDeliveryDetail): boolean {
  return (TERMINAL_DELIVERY_STATUSES as readonly string[]).includes(delivery.status)
}

/**
 * The partner's webhook endpoints (S30, R126–R129, R137): the list, creation, edits, status,
 * deletion, rotation and test events. A secret is returned to the caller, which shows it once;
 * the store keeps only the items.
 */
export const useWebhookEndpointsStore = defineStore(
  'customer-development/webhook-endpoints',
  () => {
    const api = useModuleApi()

    const items = ref<WebhookEndpointItem[]>([])
    const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
    const error = ref<ApiError | null>(null)
    // The test event of each endpoint that sent one on this page, by endpoint id.
    const tests = shallowRef<Record<string, TestEventState>>({})
    // Raised on every stop, so a poll of an earlier page visit ends by itself.
    let generation = 0

    async function load(): Promise<void> {
      status.value = 'loading'
      try {
        items.value = (await api.findWebhookEndpoints({ page: 1, pageSize: PAGE_SIZE })).items
        error.value = null
        status.value = 'success'
      } catch (cause) {
        error.value = toApiError(cause)
        status.value = 'error'
      }
    }

    function replace(item: WebhookEndpointItem): void {
      items.value = items.value.map((other) => (other.id === item.id ? item : other))
    }

    /** Creates an endpoint (W1) and lists it first; throws the API error for the dialog. */
    async function create(body: CreateWebhookEndpointRequest): Promise<CreatedWebhookEndpoint> {
      const created = await api.createWebhookEndpoint(body)
      const item = listed(created)
      items.value = [item, ...items.value.filter((other) => other.id !== item.id)]
      return created
    }

    /** Edits, enables or disables an endpoint (W2, W3, W5); throws the API error. */
    async function update(id: string, body: UpdateWebhookEndpointRequest): Promise<void> {
      replace(await api.updateWebhookEndpoint(id, body))
    }

    /** Deletes an endpoint (W7); throws the API error. */
    async function remove(id: string): Promise<void> {
      await api.deleteWebhookEndpoint(id)
      items.value = items.value.filter((item) => item.id !== id)
    }

    /** Rotates the secret (W6) and reads the endpoint again; the new secret goes to the caller. */
    async function rotate(id: string): Promise<RotatedWebhookSecret> {
      const rotated = await api.rotateWebhookSecret(id)
      try {
        replace(await api.getWebhookEndpoint(id))
      } catch {
        // The rotation happened; a failed re-read only leaves the row's older times.
      }
      return rotated
    }

    function setTest(id: string, state: TestEventState): void {
      tests.value = { ...tests.value, [id]: state }
    }

    /**
     * Sends a test event (R137) and reads its delivery until it is terminal, the state of
     * `tests[id]` following; a refusal throws (and leaves no state).
     */
    async function sendTest(id: string): Promise<void> {
      const mine = generation
      setTest(id, { deliveryId: null, phase: 'sending', delivery: null })
      try {
        const answer = await api.sendWebhookTestEvent(id)
        setTest(id, { deliveryId: answer.deliveryId, phase: 'sending', delivery: null })
        for (;;) {
          const delivery = await api.getWebhookDelivery(id, answer.deliveryId)
          if (mine !== generation) return
          if (isTerminal(delivery)) {
            setTest(id, { deliveryId: answer.deliveryId, phase: 'done', delivery })
            return
          }
          await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS))
          if (mine !== generation) return
        }
      } catch (cause) {
        // A refusal (or a failed read) leaves no "Sending…" behind; the caller says why.
        if (mine === generation) tests.value = withoutKey(tests.value, id)
        throw cause
      }
    }

    /** Ends every poll (the page is left) and forgets the tests' outcomes. */
    function stop(): void {
      generation += 1
      tests.value = {}
    }

    return { items, status, error, tests, load, create, update, remove, rotate, sendTest, stop }
  }
)

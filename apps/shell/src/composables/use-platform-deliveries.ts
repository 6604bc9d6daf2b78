import type {
  ApiError,
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookEndpointItem,
} from '@partner-center/contracts'
import { ApiError as ApiErrorClass } from '@partner-center/contracts'
import { ref, shallowRef } from 'vue'
import type { AdminWebhooksApi } from '../admin-api'

/**
 * One platform endpoint's delivery log (S35 over S33, R138): the endpoint, a page of deliveries
 * with the status, event type and event id filters, opened details, and Redeliver. A late
 * answer never overwrites a newer one.
 */
export function usePlatformDeliveries(api: AdminWebhooksApi, endpointId: string) {
  const endpoint = ref<WebhookEndpointItem | null>(null)
  const items = shallowRef<WebhookDeliveryItem[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const statuses = ref<string[]>([])
  const eventType = ref('')
  const eventId = ref('')
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const loadError = ref<ApiError | null>(null)
  const details = shallowRef<Record<string, WebhookDeliveryDetail>>({})
  let lastRequest = 0

  async function load(): Promise<void> {
    const request = ++lastRequest
    status.value = 'loading'
    try {
      const answer = await api.findPlatformWebhookDeliveries(endpointId, {
        page: page.value,
        pageSize: pageSize.value,
        status: statuses.value.length > 0 ? statuses.value.join(',') : undefined,
        eventType: eventType.value || undefined,
        eventId: eventId.value.trim() || undefined,
      })
      if (request !== lastRequest) return
      items.value = answer.items
      total.value = answer.total
      loadError.value = null
      status.value = 'success'
    } catch (cause) {
      if (request !== lastRequest) return
      loadError.value = cause instanceof ApiErrorClass ? cause : null
      status.value = 'error'
    }
  }

  async function open(): Promise<void> {
    const read = api.getPlatformWebhookEndpoint(endpointId).then(
      (item) => {
        endpoint.value = item
      },
      () => undefined
    )
    await Promise.all([read, load()])
  }

  /** Sets a filter (or the page size) and starts again at page 1. */
  function refilter(): Promise<void> {
    page.value = 1
    return load()
  }

  async function loadDetail(deliveryId: string): Promise<void> {
    const detail = await api.getPlatformWebhookDelivery(endpointId, deliveryId)
    details.value = { ...details.value, [deliveryId]: detail }
  }

  async function redeliver(deliveryId: string): Promise<void> {
    const item = await api.redeliverPlatformWebhookDelivery(endpointId, deliveryId)
    items.value = items.value.map((row) => (row.id === deliveryId ? item : row))
    const next = { ...details.value }
    delete next[deliveryId]
    details.value = next
  }

  return {
    endpoint,
    items,
    total,
    page,
    pageSize,
    statuses,
    eventType,
    eventId,
    status,
    loadError,
    details,
    open,
    load,
    refilter,
    loadDetail,
    redeliver,
  }
}

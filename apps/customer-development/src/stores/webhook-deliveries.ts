import type {
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookEndpointItem,
  ApiError,
} from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { usePagedList } from '../composables/use-paged-list'
import { toApiError } from '../errors'

/**
 * One endpoint's delivery log (S33, R138): the endpoint, a page of deliveries with the status
 * and event type filters and the event id search, the details of the rows opened, and
 * Redeliver. `open(id)` starts over for another endpoint.
 */
export const useWebhookDeliveriesStore = defineStore(
  'customer-development/webhook-deliveries',
  () => {
    const api = useModuleApi()

    const endpointId = ref<string | null>(null)
    const endpoint = ref<WebhookEndpointItem | null>(null)
    const endpointError = ref<ApiError | null>(null)
    const eventType = ref<string | null>(null)
    // The opened rows' details, by delivery id.
    const details = shallowRef<Record<string, WebhookDeliveryDetail>>({})

    const list = usePagedList<WebhookDeliveryItem>({
      // An event id is one exact value: a single character already narrows (no minimum of 2).
      minSearchLength: 1,
      fetchPage: ({ page, pageSize, q, status }) =>
        api.findWebhookDeliveries(endpointId.value ?? '', {
          page,
          pageSize,
          status,
          eventType: eventType.value ?? undefined,
          eventId: q,
        }),
    })

    /** Shows the log of the endpoint `id`: reads it and the first page. */
    async function open(id: string): Promise<void> {
      endpointId.value = id
      endpoint.value = null
      endpointError.value = null
      eventType.value = null
      details.value = {}
      list.items.value = []
      list.page.value = 1
      list.search.value = ''
      list.filters.value = []
      const read = api.getWebhookEndpoint(id).then(
        (item) => {
          if (endpointId.value === id) endpoint.value = item
        },
        (cause: unknown) => {
          if (endpointId.value === id) endpointError.value = toApiError(cause)
        }
      )
      await Promise.all([read, list.load()])
    }

    function setEventType(value: string | null): Promise<void> {
      eventType.value = value
      list.page.value = 1
      return list.load()
    }

    /** Reads a delivery with its attempts and body (R138); throws the API error. */
    async function loadDetail(deliveryId: string): Promise<WebhookDeliveryDetail> {
      const detail = await api.getWebhookDelivery(endpointId.value ?? '', deliveryId)
      details.value = { ...details.value, [deliveryId]: markRaw(detail) }
      return detail
    }

    /** Redeliver (D7): the row shows the answered item; throws the API error. */
    async function redeliver(deliveryId: string): Promise<void> {
      const item = await api.redeliverWebhookDelivery(endpointId.value ?? '', deliveryId)
      list.items.value = list.items.value.map((row) =>
        row.id === deliveryId ? markRaw(item) : row
      )
      // The opened details are of the delivery before; it is read again when opened again.
      details.value = Object.fromEntries(
        Object.entries(details.value).filter(([id]) => id !== deliveryId)
      )
    }

    return {
      ...list,
      endpointId,
      endpoint,
      endpointError,
      eventType,
      details,
      open,
      setEventType,
      loadDetail,
      redeliver,
    }
  }
)

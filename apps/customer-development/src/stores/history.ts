import type { ApiError, HistoryItem, InvitationBatchResult } from '@partner-center/contracts'
import type { InvitationChannel } from '@partner-center/domain'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { usePagedList } from '../composables/use-paged-list'
import { toApiError } from '../errors'

/** What the Resend of one row did, shown in place (S10). */
export type ResendState =
  | { state: 'loading' }
  | { state: 'queued' }
  | { state: 'skipped'; code: string; retryAfterSeconds?: number }
  | { state: 'error'; error: ApiError }

/** History Records: one page of invitations, filters, eye states and resend outcomes. */
export const useHistoryStore = defineStore('customer-development/history', () => {
  const api = useModuleApi()

  // R111: the "Source" filter travels beside the status filter the list owns.
  const channels = ref<InvitationChannel[]>([])
  const list = usePagedList<HistoryItem>({
    fetchPage: (query) =>
      api.findHistory({
        ...query,
        channel: channels.value.length > 0 ? channels.value.join(',') : undefined,
      }),
  })
  const resends = ref<Record<string, ResendState>>({})
  // The row a Superseded status led to (S10), marked until another one is asked for.
  const highlightedId = ref<string | null>(null)

  /** Shows only the rows of these sources (none: all), from the first page (R111). */
  async function setChannels(value: InvitationChannel[]): Promise<void> {
    channels.value = value
    await list.setPage(1)
  }

  /** Resends one invitation (R45) with its own idempotency key; the outcome stays on the row. */
  async function resend(id: string, idempotencyKey: string): Promise<void> {
    resends.value = { ...resends.value, [id]: { state: 'loading' } }
    let next: ResendState
    try {
      const result = await api.resendInvitation(id, idempotencyKey)
      const row: InvitationBatchResult | undefined = result.results[0]
      next =
        row?.outcome === 'QUEUED'
          ? { state: 'queued' }
          : {
              state: 'skipped',
              code: row?.code ?? 'INTERNAL',
              retryAfterSeconds: row?.retryAfterSeconds,
            }
    } catch (cause) {
      next = { state: 'error', error: toApiError(cause) }
    }
    resends.value = { ...resends.value, [id]: next }
    if (next.state === 'queued') await list.load()
  }

  /**
   * Brings the invitation `id` onto the page and marks it; false when no page holds it (e.g. it
   * is not visible to this user). The current page is looked at first; otherwise the status
   * filter (which may hide it) is cleared and the pages are read from the first, as the newer
   * invitation sorts before the one it replaced. The search stays: it matches the same customer.
   */
  async function locate(id: string): Promise<boolean> {
    const found = () => list.items.value.some((row) => row.id === id)
    if (!found()) {
      if (list.filters.value.length > 0) list.filters.value = []
      list.page.value = 1
      await list.load()
      const pages = Math.ceil(list.total.value / list.pageSize.value)
      while (!found() && list.status.value === 'success' && list.page.value < pages) {
        list.page.value += 1
        await list.load()
      }
    }
    highlightedId.value = found() ? id : null
    return highlightedId.value !== null
  }

  return { ...list, channels, setChannels, resends, resend, highlightedId, locate }
})

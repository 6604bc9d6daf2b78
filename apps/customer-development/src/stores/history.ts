import type { ApiError, HistoryItem, InvitationBatchResult } from '@partner-center/contracts'
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

  const list = usePagedList<HistoryItem>({ fetchPage: (query) => api.findHistory(query) })
  const resends = ref<Record<string, ResendState>>({})

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

  return { ...list, resends, resend }
})

import type {
  ApiError,
  HistoryItem,
  InvitationBatchResult,
  RevealColumn,
} from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { markRaw, ref } from 'vue'
import { toApiError } from '../errors'
import { useModuleApi } from './use-module-api'
import { toggleRevealColumn } from './toggle-reveal'

/** What the Resend of one row did, shown in place (S10). */
export type ResendState =
  | { state: 'loading' }
  | { state: 'queued' }
  | { state: 'skipped'; code: string; retryAfterSeconds?: number }
  | { state: 'error'; error: ApiError }

/** History Records: one page of invitations, filters, eye states and resend outcomes. */
export const useHistoryStore = defineStore('customer-development/history', () => {
  const api = useModuleApi()

  const items = ref<HistoryItem[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const search = ref('')
  const filters = ref<string[]>([])
  const revealed = ref<RevealColumn[]>([])
  const resends = ref<Record<string, ResendState>>({})
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)
  const loadedOnce = ref(false)
  let lastRequest = 0

  async function load(): Promise<void> {
    const request = ++lastRequest
    status.value = 'loading'
    const q = search.value.trim()
    try {
      const result = await api.findHistory({
        page: page.value,
        pageSize: pageSize.value,
        q: q.length >= 2 ? q : undefined,
        status: filters.value.length > 0 ? filters.value.join(',') : undefined,
        reveal: revealed.value.length > 0 ? revealed.value.join(',') : undefined,
      })
      if (request !== lastRequest) return
      // Rows are read-only answers, replaced on every load: raw objects spare the table a
      // reactive proxy per row and its deep watch a walk through every field.
      items.value = result.items.map((row) => markRaw(row))
      total.value = result.total
      error.value = null
      status.value = 'success'
      loadedOnce.value = true
    } catch (cause) {
      if (request !== lastRequest) return
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  function setPage(value: number): Promise<void> {
    page.value = value
    return load()
  }

  function setPageSize(value: number): Promise<void> {
    pageSize.value = value
    page.value = 1
    return load()
  }

  function setSearch(value: string): Promise<void> {
    search.value = value
    page.value = 1
    return load()
  }

  function setFilters(value: string[]): Promise<void> {
    filters.value = value
    page.value = 1
    return load()
  }

  function toggleReveal(column: RevealColumn): Promise<void> {
    revealed.value = toggleRevealColumn(revealed.value, column)
    return load()
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
    if (next.state === 'queued') await load()
  }

  return {
    items,
    total,
    page,
    pageSize,
    search,
    filters,
    revealed,
    resends,
    status,
    error,
    loadedOnce,
    load,
    setPage,
    setPageSize,
    setSearch,
    setFilters,
    toggleReveal,
    resend,
  }
})

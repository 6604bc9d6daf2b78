import type {
  ApiError,
  BatchDeletePreregistrationsResponse,
  PreregistrationItem,
  RevealColumn,
} from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import { toApiError } from '../errors'
import { useModuleApi } from './use-module-api'
import { toggleRevealColumn } from './toggle-reveal'

/** The "From Partner Center" list: one page of pre-registered customers, filters and selection. */
export const usePreregistrationsStore = defineStore('customer-development/preregistrations', () => {
  const api = useModuleApi()

  const items = ref<PreregistrationItem[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const search = ref('')
  const statuses = ref<string[]>([])
  // M8: the eye state lives here until reload; every fetch asks again with `reveal`.
  const revealed = ref<RevealColumn[]>([])
  const selectedIds = ref<string[]>([])
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)
  const loadedOnce = ref(false)
  let lastRequest = 0

  const selectedRows = computed(() =>
    items.value.filter((row) => selectedIds.value.includes(row.id))
  )
  const canInviteSelection = computed(() =>
    selectedRows.value.some((row) => row.inviteCheck.allowed)
  )

  async function load(): Promise<void> {
    const request = ++lastRequest
    status.value = 'loading'
    const q = search.value.trim()
    try {
      const result = await api.findPreregistrations({
        page: page.value,
        pageSize: pageSize.value,
        // The API needs at least 2 characters (SEARCH_MIN_LENGTH); shorter means "no search".
        q: q.length >= 2 ? q : undefined,
        status: statuses.value.length > 0 ? statuses.value.join(',') : undefined,
        reveal: revealed.value.length > 0 ? revealed.value.join(',') : undefined,
      })
      // An older answer arriving late must not overwrite a newer one.
      if (request !== lastRequest) return
      // Rows are read-only answers, replaced on every load: raw objects spare the table a
      // reactive proxy per row and its deep watch a walk through every field.
      items.value = result.items.map((row) => markRaw(row))
      total.value = result.total
      const visible = new Set(result.items.map((row) => row.id))
      selectedIds.value = selectedIds.value.filter((id) => visible.has(id))
      error.value = null
      status.value = 'success'
      loadedOnce.value = true
    } catch (cause) {
      if (request !== lastRequest) return
      // Stale rows stay visible; the error is shown beside them.
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  function setPage(value: number): Promise<void> {
    page.value = value
    selectedIds.value = []
    return load()
  }

  function setPageSize(value: number): Promise<void> {
    pageSize.value = value
    page.value = 1
    selectedIds.value = []
    return load()
  }

  function setSearch(value: string): Promise<void> {
    search.value = value
    page.value = 1
    return load()
  }

  function setStatuses(value: string[]): Promise<void> {
    statuses.value = value
    page.value = 1
    return load()
  }

  function toggleReveal(column: RevealColumn): Promise<void> {
    revealed.value = toggleRevealColumn(revealed.value, column)
    return load()
  }

  function setSelection(ids: string[]): void {
    selectedIds.value = ids
  }

  /** Deletes one row (R32); throws the API error for the caller to show. */
  async function remove(id: string): Promise<void> {
    await api.deletePreregistration(id)
    await load()
  }

  /** Deletes the given rows (R33) and reloads; each id comes back with its outcome. */
  async function removeMany(ids: string[]): Promise<BatchDeletePreregistrationsResponse> {
    const result = await api.batchDeletePreregistrations(ids)
    selectedIds.value = []
    await load()
    return result
  }

  return {
    items,
    total,
    page,
    pageSize,
    search,
    statuses,
    revealed,
    selectedIds,
    status,
    error,
    loadedOnce,
    selectedRows,
    canInviteSelection,
    load,
    setPage,
    setPageSize,
    setSearch,
    setStatuses,
    toggleReveal,
    setSelection,
    remove,
    removeMany,
  }
})

import type {
  BatchDeletePreregistrationsResponse,
  PreregistrationItem,
} from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { usePagedList } from '../composables/use-paged-list'

/** The "From Partner Center" list: one page of pre-registered customers, filters and selection. */
export const usePreregistrationsStore = defineStore('customer-development/preregistrations', () => {
  const api = useModuleApi()

  const selectedIds = ref<string[]>([])
  const list = usePagedList<PreregistrationItem>({
    fetchPage: (query) => api.findPreregistrations(query),
    onLoaded: (items) => {
      const visible = new Set(items.map((row) => row.id))
      selectedIds.value = selectedIds.value.filter((id) => visible.has(id))
    },
  })

  const selectedRows = computed(() =>
    list.items.value.filter((row) => selectedIds.value.includes(row.id))
  )
  const canInviteSelection = computed(() =>
    selectedRows.value.some((row) => row.inviteCheck.allowed)
  )

  // Another page or page size shows other rows: the selection does not carry over.
  function setPage(value: number): Promise<void> {
    selectedIds.value = []
    return list.setPage(value)
  }

  function setPageSize(value: number): Promise<void> {
    selectedIds.value = []
    return list.setPageSize(value)
  }

  function setSelection(ids: string[]): void {
    selectedIds.value = ids
  }

  /** Deletes one row (R32); throws the API error for the caller to show. */
  async function remove(id: string): Promise<void> {
    await api.deletePreregistration(id)
    await list.load()
  }

  /** Deletes the given rows (R33) and reloads; each id comes back with its outcome. */
  async function removeMany(ids: string[]): Promise<BatchDeletePreregistrationsResponse> {
    const result = await api.batchDeletePreregistrations(ids)
    selectedIds.value = []
    await list.load()
    return result
  }

  // The paged list's state and actions as they are, but paging that also clears the selection.
  return {
    ...list,
    selectedIds,
    selectedRows,
    canInviteSelection,
    setPage,
    setPageSize,
    setSelection,
    remove,
    removeMany,
  }
})

import type { ApiError, RevealColumn } from '@partner-center/contracts'
import { markRaw, ref, shallowRef } from 'vue'
import { toApiError } from '../errors'
import { toggleRevealColumn } from '../toggle-reveal'

/** The query of one page, as both lists send it. */
export interface PageQuery {
  page: number
  pageSize: number
  q?: string
  status?: string
  reveal?: string
}

/** Options of {@link usePagedList}. */
export interface PagedListOptions<T> {
  fetchPage: (query: PageQuery) => Promise<{ items: T[]; total: number }>
  /** Runs after a page arrived and was kept (not after a stale one). */
  onLoaded?: (items: readonly T[]) => void
  /** Shortest search sent (default 2, SEARCH_MIN_LENGTH; the link list's tag search takes 1, R95). */
  minSearchLength?: number
}

/**
 * A paged list as its store shows it (refs unwrapped): what a list panel reads and calls.
 * Both list stores spread what {@link usePagedList} returns, so both fit it.
 */
export interface PagedListView<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
  search: string
  filters: string[]
  revealed: RevealColumn[]
  status: 'idle' | 'loading' | 'success' | 'error'
  error: ApiError | null
  loadedOnce: boolean
  load: () => Promise<void>
  setPage: (value: number) => Promise<void>
  setPageSize: (value: number) => Promise<void>
  setSearch: (value: string) => Promise<void>
  setFilters: (value: string[]) => Promise<void>
}

/**
 * The paging, search, status filter and eye state both lists share (R35, M8), for use inside a
 * setup store: every change goes back to the API, a late answer never overwrites a newer one,
 * and on an error the stale rows stay visible with the error beside them.
 *
 * @example
 * const list = usePagedList({ fetchPage: (query) => api.findHistory(query) })
 * await list.setSearch('acme')
 */
export function usePagedList<T extends object>(options: PagedListOptions<T>) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const search = ref('')
  const filters = ref<string[]>([])
  // M8: the eye state lives here until reload; every fetch asks again with `reveal`.
  const revealed = ref<RevealColumn[]>([])
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)
  const loadedOnce = ref(false)
  let lastRequest = 0

  async function load(): Promise<void> {
    const request = ++lastRequest
    status.value = 'loading'
    const q = search.value.trim()
    try {
      const result = await options.fetchPage({
        page: page.value,
        pageSize: pageSize.value,
        // The API needs at least 2 characters (SEARCH_MIN_LENGTH); shorter means "no search".
        q: q.length >= (options.minSearchLength ?? 2) ? q : undefined,
        status: filters.value.length > 0 ? filters.value.join(',') : undefined,
        reveal: revealed.value.length > 0 ? revealed.value.join(',') : undefined,
      })
      // An older answer arriving late must not overwrite a newer one.
      if (request !== lastRequest) return
      // Rows are read-only answers, replaced on every load: raw objects spare the table a
      // reactive proxy per row and its deep watch a walk through every field.
      items.value = result.items.map((row) => markRaw(row))
      total.value = result.total
      options.onLoaded?.(result.items)
      error.value = null
      status.value = 'success'
      loadedOnce.value = true
    } catch (cause) {
      if (request !== lastRequest) return
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  /** Sets a query field; every change but the page itself starts again at page 1. */
  function change(apply: () => void, resetPage = true): Promise<void> {
    apply()
    if (resetPage) page.value = 1
    return load()
  }

  return {
    items,
    total,
    page,
    pageSize,
    search,
    filters,
    revealed,
    status,
    error,
    loadedOnce,
    load,
    setPage: (value: number) => change(() => (page.value = value), false),
    setPageSize: (value: number) => change(() => (pageSize.value = value)),
    setSearch: (value: string) => change(() => (search.value = value)),
    setFilters: (value: string[]) => change(() => (filters.value = value)),
    toggleReveal: (column: RevealColumn) =>
      change(() => (revealed.value = toggleRevealColumn(revealed.value, column)), false),
  }
}

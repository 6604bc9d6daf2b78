import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive, type Component } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import type { PagedListView } from '../../composables/use-paged-list'
import ListPager from './ListPager.vue'
import ListPanel from './ListPanel.vue'

// vue-tsc types a generic SFC as a function, which neither h() nor mount() takes; at run time it
// is an ordinary component.
const Panel = ListPanel as unknown as Component

function fakeList(overrides: Partial<PagedListView<{ id: string }>> = {}) {
  return reactive<PagedListView<{ id: string }>>({
    items: [],
    total: 45,
    page: 1,
    pageSize: 20,
    search: '',
    filters: [],
    revealed: [],
    status: 'success',
    error: null,
    loadedOnce: true,
    load: vi.fn(() => Promise.resolve()),
    setPage: vi.fn(() => Promise.resolve()),
    setPageSize: vi.fn(() => Promise.resolve()),
    setSearch: vi.fn(() => Promise.resolve()),
    setFilters: vi.fn(() => Promise.resolve()),
    ...overrides,
  })
}

// The view the panel hands its table, read through the default slot.
function viewOf(list: PagedListView<{ id: string }>, waiting: boolean): { firstLoad: boolean } {
  let seen: { firstLoad: boolean } | undefined
  const host = defineComponent(
    () => () =>
      h(
        Panel,
        { list, options: [], waiting },
        {
          default: ({ view }: { view: { firstLoad: boolean } }) => {
            seen = view
            return h('span')
          },
        }
      )
  )
  const { wrapper } = mountWith(host, { api: fakeApi() })
  wrapper.unmount()
  if (!seen) throw new Error('the default slot was not rendered')
  return seen
}

describe('ListPanel', () => {
  it('keeps the skeleton until the first page is in, and while the table waits for more', () => {
    expect(viewOf(fakeList({ loadedOnce: false, status: 'loading' }), false).firstLoad).toBe(true)
    expect(viewOf(fakeList(), true).firstLoad).toBe(true)
    expect(viewOf(fakeList(), false).firstLoad).toBe(false)
    // A failed first load shows the (empty) table beside the error, not an endless skeleton.
    expect(viewOf(fakeList({ loadedOnce: false, status: 'error' }), false).firstLoad).toBe(false)
  })

  it('says `paging` before it changes the page or the page size', () => {
    const calls: string[] = []
    const list = fakeList({
      setPage: vi.fn(() => (calls.push('setPage'), Promise.resolve())),
      setPageSize: vi.fn(() => (calls.push('setPageSize'), Promise.resolve())),
    })
    const { wrapper } = mountWith(Panel, {
      api: fakeApi(),
      props: { list, options: [], onPaging: () => calls.push('paging') },
    })
    const pager = wrapper.findComponent(ListPager)
    pager.vm.$emit('page', 2)
    pager.vm.$emit('pageSize', 50)
    expect(calls).toEqual(['paging', 'setPage', 'paging', 'setPageSize'])
    expect(list.setPage).toHaveBeenCalledWith(2)
    expect(list.setPageSize).toHaveBeenCalledWith(50)
    wrapper.unmount()
  })
})

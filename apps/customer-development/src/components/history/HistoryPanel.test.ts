import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeHistoryItem } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useHistoryStore } from '../../stores/history'
import { useSessionStore } from '../../stores/session'
import HistoryPanel from './HistoryPanel.vue'

// Issue 16 item 7: a Superseded status leads to the newer invitation's row (S10).
const OLDER = '30000000-0000-4000-8000-000000000001'
const NEWER = '30000000-0000-4000-8000-000000000002'

describe('following a Superseded row to its newer invitation', () => {
  const older = fakeHistoryItem({
    id: OLDER,
    status: 'SUPERSEDED',
    statusFilter: 'SUPERSEDED',
    supersededById: NEWER,
  })
  const newer = fakeHistoryItem({ id: NEWER })

  it('marks and focuses the newer row when it is on the page', async () => {
    const api = fakeApi({
      findHistory: () =>
        Promise.resolve({ items: [newer, older], total: 2, page: 1, pageSize: 20 }),
    })
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(HistoryPanel, { api, pinia })
    // The rows come after the page's answer.
    await vi.waitFor(() =>
      expect(wrapper.find('[data-testid="show-newer-invitation"]').exists()).toBe(true)
    )
    await wrapper.get('[data-testid="show-newer-invitation"]').trigger('click')
    await flushPromises()
    const marked = wrapper.findAll('.pc-cd-history__row--highlighted')
    expect(marked).toHaveLength(1)
    expect(marked[0]?.text()).toContain('Invited')
    expect(document.activeElement).toBe(marked[0]?.element)
    wrapper.unmount()
  })

  it('clears a status filter that hides the newer row and reads the pages until it is found', async () => {
    const api = fakeApi()
    const history = inApp(api)(() => useHistoryStore())
    api.findHistory.mockImplementation((query) =>
      Promise.resolve(
        query.status
          ? { items: [older], total: 1, page: 1, pageSize: 1 }
          : query.page === 1
            ? { items: [fakeHistoryItem({ id: 'other' })], total: 3, page: 1, pageSize: 1 }
            : { items: [query.page === 2 ? newer : older], total: 3, page: 2, pageSize: 1 }
      )
    )
    history.pageSize = 1
    await history.setFilters(['SUPERSEDED'])
    expect(await history.locate(NEWER)).toBe(true)
    expect(history.filters).toEqual([])
    expect(history.page).toBe(2)
    expect(history.highlightedId).toBe(NEWER)
  })

  it('marks nothing when no page holds the invitation', async () => {
    const api = fakeApi()
    const history = inApp(api)(() => useHistoryStore())
    await history.load()
    expect(await history.locate(NEWER)).toBe(false)
    expect(history.highlightedId).toBeNull()
  })
})

describe('the Source column (R111)', () => {
  it('names the email channel, and a link row with its kind and tag', async () => {
    const email = fakeHistoryItem()
    const link = fakeHistoryItem({
      id: NEWER,
      channel: 'custom_link',
      linkTag: 'Spring Fair',
      status: 'ACCEPTED',
      statusFilter: 'ASSOCIATED',
      expiresAt: null,
    })
    const api = fakeApi({
      findHistory: () => Promise.resolve({ items: [link, email], total: 2, page: 1, pageSize: 20 }),
    })
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(HistoryPanel, { api, pinia })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Custom link: Spring Fair'))
    const rows = wrapper.findAll('tbody tr')
    expect(rows[0]?.text()).toContain('Custom link: Spring Fair')
    expect(rows[1]?.text()).toContain('Email')
    expect(rows[1]?.text()).not.toContain('link:')
    wrapper.unmount()
  })
  it('asks for the chosen sources from the first page, and for all again when cleared', async () => {
    const api = fakeApi()
    const history = inApp(api)(() => useHistoryStore())
    await history.setPage(3)
    await history.setChannels(['general_link', 'custom_link'])
    expect(api.findHistory).toHaveBeenLastCalledWith(
      expect.objectContaining({ page: 1, channel: 'general_link,custom_link' })
    )
    await history.setChannels([])
    expect(api.findHistory).toHaveBeenLastCalledWith(
      expect.objectContaining({ channel: undefined })
    )
  })

  it('offers the three sources by name in the toolbar', async () => {
    const api = fakeApi()
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { wrapper } = mountWith(HistoryPanel, { api, pinia })
    await flushPromises()
    const filter = wrapper.get('[data-testid="source-filter"]')
    expect(
      filter.attributes('aria-label') ?? filter.find('[aria-label]').attributes('aria-label')
    ).toBe('Source')
    await filter.trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('General link')
    expect(wrapper.text()).toContain('Custom link')
    wrapper.unmount()
  })
})

import { describe, expect, it } from 'vitest'
import { fakeApi, fakeRow } from '../../test/fake-api'
import { inApp } from '../../test/mount-with'
import { usePreregistrationsStore } from './preregistrations'

describe('preregistrations store', () => {
  it('asks again with reveal on every fetch until the eye is clicked again (M8)', async () => {
    const api = fakeApi()
    const list = inApp(api)(() => usePreregistrationsStore())
    await list.toggleReveal('email')
    await list.setPage(2)
    await list.setSearch('alpha')
    await list.toggleReveal('email')
    const reveals = api.findPreregistrations.mock.calls.map((call) => call[0].reveal)
    expect(reveals).toEqual(['email', 'email', 'email', undefined])
  })

  it('clears the selection when the page changes (S5)', async () => {
    const list = inApp(fakeApi())(() => usePreregistrationsStore())
    await list.load()
    list.setSelection([fakeRow().id])
    expect(list.canInviteSelection).toBe(true)
    await list.setPage(2)
    expect(list.selectedIds).toEqual([])
  })

  it('enables Invite only when a selected row may be invited', async () => {
    const api = fakeApi({
      findPreregistrations: () =>
        Promise.resolve({
          items: [fakeRow({ inviteCheck: { allowed: false, code: 'EMAIL_REQUIRED' } })],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    })
    const list = inApp(api)(() => usePreregistrationsStore())
    await list.load()
    list.setSelection([fakeRow().id])
    expect(list.canInviteSelection).toBe(false)
  })

  it('sends no search shorter than two characters and joins the status filter', async () => {
    const api = fakeApi()
    const list = inApp(api)(() => usePreregistrationsStore())
    await list.setSearch('a')
    await list.setFilters(['PRE_REGISTERED', 'EXPIRED'])
    expect(api.findPreregistrations.mock.calls.at(-1)?.[0]).toMatchObject({
      q: undefined,
      status: 'PRE_REGISTERED,EXPIRED',
      page: 1,
    })
  })

  it('keeps the stale rows and records the error when a refresh fails', async () => {
    const api = fakeApi()
    const list = inApp(api)(() => usePreregistrationsStore())
    await list.load()
    api.findPreregistrations.mockRejectedValueOnce(new Error('boom'))
    await list.load()
    expect(list.items).toHaveLength(1)
    expect(list.status).toBe('error')
    expect(list.error?.code).toBe('INTERNAL')
  })
})

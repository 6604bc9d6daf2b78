import { describe, expect, it } from 'vitest'
import { fakeApi, fakeLinkItem } from '../../test/fake-api'
import { inApp } from '../../test/mount-with'
import { useInvitationLinksStore } from './invitation-links'
import { useLinkAssociationsStore } from './link-associations'

// S23: a new link shows at the top of the first page, whatever the list showed before.
describe('the custom links store', () => {
  it('creates a link and shows the first page without search or filter', async () => {
    const api = fakeApi()
    const links = inApp(api)(() => useInvitationLinksStore())
    links.total = 60
    await links.setSearch('fair')
    await links.setFilters(['DISABLED'])
    await links.setPage(3)
    const created = await links.create({ tag: 'New Fair', associationType: 'reseller' })
    expect(created.tag).toBe('New Fair')
    expect(api.findInvitationLinks).toHaveBeenLastCalledWith({ page: 1, pageSize: 20 })
    expect({ page: links.page, search: links.search, filters: links.filters }).toEqual({
      page: 1,
      search: '',
      filters: [],
    })
  })

  it('sends no reveal, and disables or enables through the API before reloading', async () => {
    const api = fakeApi()
    const links = inApp(api)(() => useInvitationLinksStore())
    await links.setEnabled(fakeLinkItem().id, false)
    expect(api.disableInvitationLink).toHaveBeenCalledWith(fakeLinkItem().id)
    await links.setEnabled(fakeLinkItem().id, true)
    expect(api.enableInvitationLink).toHaveBeenCalledWith(fakeLinkItem().id)
    expect(api.findInvitationLinks).toHaveBeenCalledTimes(2)
    expect(api.findInvitationLinks.mock.calls.every(([query]) => !('reveal' in query))).toBe(true)
  })
})

// S24: the Customer eye reveals the name and the email together; the Account Name eye the name.
describe('the link associations store', () => {
  it('toggles the name and the email together, keeping the other eyes', async () => {
    const api = fakeApi()
    const associations = inApp(api)(() => useLinkAssociationsStore())
    await associations.toggleReveal('mobile')
    await associations.toggleCustomer()
    expect(associations.revealed).toEqual(['mobile', 'name', 'email'])
    // The name alone masked again: the Customer eye shows both once more.
    await associations.toggleReveal('name')
    expect(associations.revealed).toEqual(['mobile', 'email'])
    await associations.toggleCustomer()
    expect(associations.revealed).toEqual(['mobile', 'name', 'email'])
    await associations.toggleCustomer()
    expect(associations.revealed).toEqual(['mobile'])
    expect(api.findLinkAssociations).toHaveBeenLastCalledWith(
      expect.objectContaining({ reveal: 'mobile' })
    )
  })
})

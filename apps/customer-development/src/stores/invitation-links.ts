import type { CreateInvitationLinkRequest, InvitationLinkItem } from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { useModuleApi } from '../composables/use-module-api'
import { usePagedList } from '../composables/use-paged-list'

/** The Custom Invitation Links list (S23, R95) and its actions (R93, R96, R97). */
export const useInvitationLinksStore = defineStore('customer-development/invitation-links', () => {
  const api = useModuleApi()

  const list = usePagedList<InvitationLinkItem>({
    // Links have no masked columns: the query carries no `reveal`.
    fetchPage: ({ reveal: _reveal, ...query }) => api.findInvitationLinks(query),
    // A tag may be one character long (R95).
    minSearchLength: 1,
  })

  /**
   * Creates a link (R93) and shows the first page without search or filter, where the new link,
   * the newest, is at the top (S23). Throws the API error for the dialog to show.
   */
  async function create(body: CreateInvitationLinkRequest): Promise<InvitationLinkItem> {
    const created = await api.createInvitationLink(body)
    list.search.value = ''
    list.filters.value = []
    list.page.value = 1
    await list.load()
    return created
  }

  /** Disables or enables a link (R96) and reloads the page; throws the API error. */
  async function setEnabled(id: string, enabled: boolean): Promise<void> {
    await (enabled ? api.enableInvitationLink(id) : api.disableInvitationLink(id))
    await list.load()
  }

  /** The full link of a custom link, for Copy and QR (R97); asked each time, never kept. */
  async function urlOf(id: string): Promise<string> {
    return (await api.getInvitationLinkUrl(id)).url
  }

  return { ...list, create, setEnabled, urlOf }
})

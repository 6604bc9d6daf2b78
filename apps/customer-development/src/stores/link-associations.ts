import type { LinkAssociationItem, RevealColumn } from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { useModuleApi } from '../composables/use-module-api'
import { usePagedList } from '../composables/use-paged-list'

/** Customers associated through links (S24, R98): masked, with the eyes of M6–M8. */
export const useLinkAssociationsStore = defineStore(
  'customer-development/link-associations',
  () => {
    const api = useModuleApi()

    const list = usePagedList<LinkAssociationItem>({
      fetchPage: ({ status: _status, ...query }) => api.findLinkAssociations(query),
    })

    /**
     * The "Customer" eye (S24): reveals the name and the email together, or masks both again
     * when both are shown. The "Account Name" eye is the name's alone (`toggleReveal('name')`).
     */
    function toggleCustomer(): Promise<void> {
      const both: RevealColumn[] = ['name', 'email']
      const shown = both.every((column) => list.revealed.value.includes(column))
      const others = list.revealed.value.filter((column) => !both.includes(column))
      list.revealed.value = shown ? others : [...others, ...both]
      return list.load()
    }

    return { ...list, toggleCustomer }
  }
)

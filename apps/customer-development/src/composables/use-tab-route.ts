import { onBeforeUnmount } from 'vue'
import { storeToRefs } from 'pinia'
import {
  isTab,
  useModuleRouteStore,
  viewFromLocation,
  type ModuleView,
  type TabName,
} from '../stores/module-route'

export type { ModuleView, TabName }

/**
 * The tab the browser path shows, below the module's `basePath` (a view that is not a tab, such
 * as help, is over the list).
 */
export function tabFromLocation(basePath: string): TabName {
  const view = viewFromLocation(basePath)
  return isTab(view) ? view : 'partner-center'
}

/**
 * The page's route for the component that lays out the views: the shared route of the mount,
 * kept in step with the browser's back and forward while that component lives.
 */
export function useTabRoute() {
  const route = useModuleRouteStore()
  window.addEventListener('popstate', route.sync)
  onBeforeUnmount(() => window.removeEventListener('popstate', route.sync))
  const { view, tab } = storeToRefs(route)
  return { view, tab, select: route.select }
}

import { defineStore } from 'pinia'
import { computed, inject, ref } from 'vue'
import { MODULE_CONTEXT } from '../context'

/** The tabs of the page (S3, S21). */
export type TabName = 'partner-center' | 'offline' | 'history'

/** What the module shows below its base path: one of the tabs, or the help view (S20). */
export type ModuleView = TabName | 'help'

// Each view's path below the module's base path; the list tab is the base path itself, and
// the Offline Invitation tab is the base path with `?tab=offline` (S21).
const SEGMENTS: Readonly<Record<ModuleView, string>> = {
  'partner-center': '',
  offline: '?tab=offline',
  history: '/history',
  help: '/help',
}

/** Whether the browser's query names the Offline Invitation tab (S21). */
function isOfflineQuery(): boolean {
  return new URLSearchParams(window.location.search).get('tab') === 'offline'
}

function trimSlash(path: string): string {
  return path.replace(/\/$/, '')
}

/**
 * The view the browser path shows below the module's `basePath`; any other path shows the list.
 *
 * @example
 * viewFromLocation('/sales/leads/customer-development') // 'help' at …/customer-development/help
 */
export function viewFromLocation(basePath: string): ModuleView {
  const base = trimSlash(basePath)
  const path = trimSlash(window.location.pathname)
  const views = Object.keys(SEGMENTS) as ModuleView[]
  const atPath = views.find(
    (view) => SEGMENTS[view].startsWith('/') && path === `${base}${SEGMENTS[view]}`
  )
  if (atPath) return atPath
  return path === base && isOfflineQuery() ? 'offline' : 'partner-center'
}

/**
 * The host path of a view: below `basePath`, so the module routes the same in any host.
 *
 * @example
 * viewPath('/sales/leads/customer-development', 'help') // '/sales/leads/customer-development/help'
 */
export function viewPath(basePath: string, view: ModuleView): string {
  const segment = SEGMENTS[view]
  // The base path of a query-only view keeps its slash when it is the root ('/?tab=offline').
  if (segment.startsWith('?')) return `${trimSlash(basePath) || '/'}${segment}`
  return `${trimSlash(basePath)}${segment}` || '/'
}

/**
 * The module's own route (S3, S20): the view shown, read from the browser path below
 * `ctx.basePath` and written with `ctx.navigate`, so it is part of the host's route (back and
 * forward work, a view can be linked). One per mount, so the header, the list and the dialogs
 * that link to the help view share it.
 */
export const useModuleRouteStore = defineStore('customer-development/route', () => {
  const context = inject(MODULE_CONTEXT, null)
  const basePath = context?.value.basePath ?? '/'

  const view = ref<ModuleView>(viewFromLocation(basePath))
  // The tab under the view; the help view keeps the list's tab.
  const tab = computed<TabName>(() => (view.value === 'help' ? 'partner-center' : view.value))

  /** The host path of a view, for links. */
  function href(next: ModuleView): string {
    return viewPath(basePath, next)
  }

  /** Shows a view and pushes its path onto the host's history. */
  function select(next: ModuleView): void {
    if (next === view.value) return
    view.value = next
    context?.value.navigate(href(next))
  }

  /** Follows the browser path (after back or forward). */
  function sync(): void {
    view.value = viewFromLocation(basePath)
  }

  return { view, tab, href, select, sync }
})

import { defineStore } from 'pinia'
import { computed, inject, ref } from 'vue'
import { MODULE_CONTEXT } from '../context'

/** The tabs of the page (S3, S21). */
export type TabName = 'partner-center' | 'offline' | 'history'

/**
 * What the module shows below its base path: one of the tabs, the help view (S20), or one of
 * the pages of S29 (API Keys, Webhooks, an endpoint's delivery log).
 */
export type ModuleView = TabName | 'help' | 'api-keys' | 'webhooks' | 'webhook-deliveries'

/** A view with its parameter (the endpoint of a delivery log), as the route holds it. */
export interface ModuleRoute {
  view: ModuleView
  param: string | null
}

// Each view's path below the module's base path; the list tab is the base path itself, and
// the Offline Invitation tab is the base path with `?tab=offline` (S21). `:id` stands for the
// view's parameter, one path segment.
const SEGMENTS: Readonly<Record<ModuleView, string>> = {
  'partner-center': '',
  offline: '?tab=offline',
  history: '/history',
  help: '/help',
  'api-keys': '/api-keys',
  webhooks: '/webhooks',
  'webhook-deliveries': '/webhooks/:id',
}

const TABS: readonly ModuleView[] = ['partner-center', 'offline', 'history']

/**
 * The permission a view needs (S29), by its key as `GET /me` lists it: the route of a view the
 * user may not use shows why instead of the page.
 */
export const VIEW_PERMISSIONS: Readonly<Partial<Record<ModuleView, string>>> = {
  'api-keys': 'custdev.api_keys.manage',
  webhooks: 'custdev.webhooks.manage',
  'webhook-deliveries': 'custdev.webhooks.manage',
}

/** Whether a view is one of the tabs (the others are drawn instead of the tabs). */
export function isTab(view: ModuleView): view is TabName {
  return TABS.includes(view)
}

/** Whether the browser's query names the Offline Invitation tab (S21). */
function isOfflineQuery(): boolean {
  return new URLSearchParams(window.location.search).get('tab') === 'offline'
}

function trimSlash(path: string): string {
  return path.replace(/\/$/, '')
}

/** The parameter of `path` when it is `segment` (a path template), else undefined. */
function matchSegment(path: string, segment: string): string | null | undefined {
  const at = segment.indexOf(':id')
  if (at < 0) return path === segment ? null : undefined
  const before = segment.slice(0, at)
  const after = segment.slice(at + ':id'.length)
  if (!path.startsWith(before) || !path.endsWith(after)) return undefined
  const param = path.slice(before.length, path.length - after.length)
  if (param === '' || param.includes('/')) return undefined
  try {
    return decodeURIComponent(param)
  } catch {
    return undefined // a malformed escape is no view's parameter
  }
}

/**
 * The view and its parameter the browser path shows below the module's `basePath`; any other
 * path shows the list.
 *
 * @example
 * routeFromLocation('/cd') // { view: 'webhook-deliveries', param: 'e1' } at /cd/webhooks/e1
 */
export function routeFromLocation(basePath: string): ModuleRoute {
  const base = trimSlash(basePath)
  const path = trimSlash(window.location.pathname)
  if (path.startsWith(`${base}/`)) {
    const rest = path.slice(base.length)
    for (const view of Object.keys(SEGMENTS) as ModuleView[]) {
      if (!SEGMENTS[view].startsWith('/')) continue
      const param = matchSegment(rest, SEGMENTS[view])
      if (param !== undefined) return { view, param }
    }
  }
  const view = path === base && isOfflineQuery() ? 'offline' : 'partner-center'
  return { view, param: null }
}

/**
 * The view the browser path shows below the module's `basePath`; any other path shows the list.
 *
 * @example
 * viewFromLocation('/sales/leads/customer-development') // 'help' at …/customer-development/help
 */
export function viewFromLocation(basePath: string): ModuleView {
  return routeFromLocation(basePath).view
}

/**
 * The host path of a view: below `basePath`, so the module routes the same in any host.
 * `param` fills the view's `:id` (encoded as one path segment).
 *
 * @example
 * viewPath('/sales/leads/customer-development', 'help') // '/sales/leads/customer-development/help'
 */
export function viewPath(basePath: string, view: ModuleView, param?: string | null): string {
  const segment = SEGMENTS[view].replace(':id', encodeURIComponent(param ?? ''))
  // The base path of a query-only view keeps its slash when it is the root ('/?tab=offline').
  if (segment.startsWith('?')) return `${trimSlash(basePath) || '/'}${segment}`
  return `${trimSlash(basePath)}${segment}` || '/'
}

/**
 * The module's own route (S3, S20, S29): the view shown and its parameter, read from the
 * browser path below `ctx.basePath` and written with `ctx.navigate`, so it is part of the host's
 * route (back and forward work, a view can be linked). One per mount, so the header, the list
 * and the dialogs that link to other views share it.
 */
export const useModuleRouteStore = defineStore('customer-development/route', () => {
  const context = inject(MODULE_CONTEXT, null)
  const basePath = context?.value.basePath ?? '/'

  const first = routeFromLocation(basePath)
  const view = ref<ModuleView>(first.view)
  const viewParam = ref<string | null>(first.param)
  // The tab under the view; a view that is not a tab keeps the list's tab.
  const tab = computed<TabName>(() => (isTab(view.value) ? view.value : 'partner-center'))

  /** The host path of a view, for links. */
  function href(next: ModuleView, param: string | null = null): string {
    return viewPath(basePath, next, param)
  }

  /** Shows a view and pushes its path onto the host's history. */
  function select(next: ModuleView, param: string | null = null): void {
    if (next === view.value && param === viewParam.value) return
    view.value = next
    viewParam.value = param
    context?.value.navigate(href(next, param))
  }

  /** Follows the browser path (after back or forward). */
  function sync(): void {
    const current = routeFromLocation(basePath)
    view.value = current.view
    viewParam.value = current.param
  }

  return { view, viewParam, tab, href, select, sync }
})

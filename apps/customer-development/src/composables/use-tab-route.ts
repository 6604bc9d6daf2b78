import { inject, onBeforeUnmount, ref } from 'vue'
import { MODULE_CONTEXT } from '../context'

/** The two tabs of the page (S3). */
export type TabName = 'partner-center' | 'history'

const HISTORY_SEGMENT = '/history'

/** The tab the browser path shows, below the module's `basePath`. */
export function tabFromLocation(basePath: string): TabName {
  const base = basePath.replace(/\/$/, '')
  return window.location.pathname.replace(/\/$/, '') === `${base}${HISTORY_SEGMENT}`
    ? 'history'
    : 'partner-center'
}

/**
 * The current tab, read from the browser path below `ctx.basePath` and written with
 * `ctx.navigate`, so the tab is part of the host's route (back and forward work).
 */
export function useTabRoute() {
  const context = inject(MODULE_CONTEXT)
  const basePath = (context?.value.basePath ?? '/').replace(/\/$/, '')
  const fromLocation = () => tabFromLocation(basePath)

  const tab = ref<TabName>(fromLocation())
  const onPopState = () => {
    tab.value = fromLocation()
  }
  window.addEventListener('popstate', onPopState)
  onBeforeUnmount(() => window.removeEventListener('popstate', onPopState))

  function select(next: TabName): void {
    if (next === tab.value) return
    tab.value = next
    const path = next === 'history' ? `${basePath}${HISTORY_SEGMENT}` : basePath || '/'
    context?.value.navigate(path)
  }

  return { tab, select }
}

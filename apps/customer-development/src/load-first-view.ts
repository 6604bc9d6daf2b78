import type { TabName } from './composables/use-tab-route'
import { usePreregistrationsStore } from './stores/preregistrations'
import { useSessionStore } from './stores/session'

/**
 * Starts `/me` and, on the list tab, the first page of the list, side by side; what already
 * started is left alone. `mount` calls it before the stylesheets are in, so the answers are on
 * their way while the page is put together; the page calls it again when it mounts (a no-op
 * then). Call inside the app's injection context.
 *
 * The list does not wait for `/me`: the host mounts this module only for partners with
 * Customer Development (S1), and should it still be off the list answers
 * CUSTOMER_DEVELOPMENT_NOT_ENABLED, which shows the same message.
 */
export function loadFirstView(tab: TabName): void {
  const session = useSessionStore()
  const list = usePreregistrationsStore()
  if (session.status === 'idle') void session.load()
  if (tab === 'partner-center' && list.status === 'idle') void list.load()
}

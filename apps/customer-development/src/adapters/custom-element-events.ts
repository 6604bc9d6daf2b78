import type { MfeEventName } from '@partner-center/mfe-contract'
import { navigateWithHistory } from './host-props'

/**
 * The DOM events `<customer-development-module>` dispatches on itself (all bubble and are
 * composed, so a host can listen on the element or any ancestor). Besides these, every event
 * the module emits on its bus (`invitation:sent`, `invitation:batch-completed`,
 * `customer:associated`) is dispatched under its own name with its detail.
 */
export const CUSTOMER_DEVELOPMENT_EVENTS = {
  /**
   * The module leaves for another path: `detail: { to, replace }`. Cancelable: a host with a
   * router calls `preventDefault()` and routes itself; otherwise the History API moves (and a
   * `popstate` follows, as for single-spa and qiankun).
   */
  navigate: 'customer-development:navigate',
  /** A mount, update or unmount failed: `detail: { phase, error }`; the element is empty after a failed mount. */
  error: 'customer-development:error',
  /** The API answered 401 and the module cannot recover: the host renews the session. */
  unauthorized: 'customer-development:unauthorized',
} as const

/** The `detail` of {@link CUSTOMER_DEVELOPMENT_EVENTS.navigate}. */
export interface NavigateDetail {
  to: string
  replace: boolean
}

/** The `detail` of {@link CUSTOMER_DEVELOPMENT_EVENTS.error}. */
export interface ErrorDetail {
  phase: 'mount' | 'update' | 'unmount'
  error: unknown
}

function dispatch(element: HTMLElement, type: string, detail: unknown, cancelable = false) {
  return element.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable })
  )
}

/** Asks the host to navigate; moves the History API unless a listener cancelled the event. */
export function dispatchNavigate(element: HTMLElement, to: string, replace = false): void {
  const detail: NavigateDetail = { to, replace }
  if (dispatch(element, CUSTOMER_DEVELOPMENT_EVENTS.navigate, detail, true)) {
    navigateWithHistory(to, { replace })
  }
}

/** Tells the host that a lifecycle phase failed. */
export function dispatchError(element: HTMLElement, detail: ErrorDetail): void {
  dispatch(element, CUSTOMER_DEVELOPMENT_EVENTS.error, detail)
}

/** Tells the host that the session is gone. */
export function dispatchUnauthorized(element: HTMLElement): void {
  dispatch(element, CUSTOMER_DEVELOPMENT_EVENTS.unauthorized, undefined)
}

/** Re-dispatches an event of the module's bus as a DOM event of the same name. */
export function dispatchBusEvent(element: HTMLElement, name: MfeEventName, detail: unknown): void {
  dispatch(element, name, detail)
}

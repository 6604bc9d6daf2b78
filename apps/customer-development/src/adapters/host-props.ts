import { isLocale, LOCALES } from '@partner-center/domain'
import {
  createEventBus,
  type Locale,
  type MfeContext,
  type MfeContextPatch,
  type MfeEventBus,
  type MfeEventName,
} from '@partner-center/mfe-contract'

/**
 * The props every props-object host (single-spa, qiankun, …) may pass the module, mapped onto
 * the contract's {@link MfeContext} by {@link contextFromHostProps}. Only `getToken` and
 * `apiBaseUrl` are required; the rest have defaults. Each adapter adds its own container prop.
 */
export interface HostProps {
  /** The current bearer token; called before every API request, never cached. */
  getToken: () => Promise<string> | string
  /** Base URL of the Partner Center API, e.g. `https://api.example.com/api`. */
  apiBaseUrl: string
  /** Default `'en'`. */
  locale?: Locale
  /** The route the module owns. Default `'/'`. */
  basePath?: string
  /** Called after a 401 the module cannot recover from. Default: nothing. */
  onUnauthorized?: () => void
  /** Leaves the module's route. Default: the adapter's (the History API, or the host's router). */
  navigate?: (to: string, options?: { replace?: boolean }) => void
  /** Where the module emits `invitation:sent` and the like. Default: a bus of its own. */
  events?: MfeEventBus
  /**
   * Also told of every event the module emits (`invitation:sent`, …), for hosts that pass plain
   * callbacks rather than a bus. Default: nothing.
   */
  onEvent?: (name: MfeEventName, detail: unknown) => void
  /** Display only. Default: empty names. */
  tenant?: MfeContext['tenant']
  /** Default: none. */
  featureFlags?: Readonly<Record<string, boolean>>
  /** Popups stack from here upwards. Default 2000 (Element Plus's own). */
  zIndexBase?: number
}

const DEFAULT_Z_INDEX_BASE = 2000

/**
 * A rejection a host can act on: it names the host kind, the prop and what was expected, e.g.
 * `customer-development (qiankun): the prop "getToken" must be a function … (got string)`.
 */
export function invalidProp(host: string, name: string, expected: string, value: unknown): Error {
  const got = value === undefined ? 'nothing' : typeof value
  return new Error(
    `customer-development (${host}): the prop "${name}" must be ${expected} (got ${got})`
  )
}

/** Returns `value` if it is an element to render into; otherwise throws {@link invalidProp}. */
export function requireElement(host: string, name: string, value: unknown): HTMLElement {
  if (!(value instanceof HTMLElement)) throw invalidProp(host, name, 'an HTMLElement', value)
  return value
}

/**
 * Checks the props every host must give (`getToken`, `apiBaseUrl`) and the `locale` if given,
 * throwing {@link invalidProp} for the first that is wrong, before anything touches the DOM.
 */
export function checkHostProps<Props extends HostProps>(
  host: string,
  props: Partial<Props> | undefined
): Props {
  const given: Partial<HostProps> = props ?? {}
  if (typeof given.getToken !== 'function') {
    throw invalidProp(host, 'getToken', 'a function returning the bearer token', given.getToken)
  }
  if (typeof given.apiBaseUrl !== 'string' || given.apiBaseUrl.trim() === '') {
    throw invalidProp(host, 'apiBaseUrl', 'a non-empty URL string', given.apiBaseUrl)
  }
  checkLocale(host, given.locale)
  return given as Props
}

/** Throws {@link invalidProp} unless `locale` is missing or one of the domain's `LOCALES`. */
export function checkLocale(host: string, locale: unknown): asserts locale is Locale | undefined {
  if (locale !== undefined && !isLocale(locale)) {
    throw invalidProp(host, 'locale', `one of ${LOCALES.join(', ')}`, locale)
  }
}

/** The default `onUnauthorized`, for a host that renews sessions on its own. */
function ignoreUnauthorized(): void {
  // Nothing to do: the failed request still shows its error in the module.
}

/**
 * The default `navigate`: the History API, then a `popstate` so the host's router (single-spa,
 * qiankun's host router, vue-router, React Router…) re-evaluates its routes.
 */
export function navigateWithHistory(to: string, options?: { replace?: boolean }): void {
  const state: unknown = history.state
  if (options?.replace) history.replaceState(state, '', to)
  else history.pushState(state, '', to)
  window.dispatchEvent(new PopStateEvent('popstate', { state }))
}

/** A bus that also tells `onEvent` of every emitted event; `bus` keeps its listeners. */
function forwardingTo(bus: MfeEventBus, onEvent: HostProps['onEvent']): MfeEventBus {
  if (!onEvent) return bus
  return {
    emit(name, detail) {
      bus.emit(name, detail)
      try {
        onEvent(name, detail)
      } catch (error) {
        // A host callback's bug must not break the module's action that emitted the event.
        console.error(`[customer-development] the host's onEvent threw for "${name}"`, error)
      }
    },
    on: (name, listener) => bus.on(name, listener),
  }
}

/**
 * Maps checked host props onto the contract's context (architecture.md §4), filling the
 * defaults; `defaultNavigate` is the adapter's way to leave the module when the host gives no
 * `navigate` (default {@link navigateWithHistory}).
 */
export function contextFromHostProps(
  props: HostProps,
  defaultNavigate: MfeContext['navigate'] = navigateWithHistory
): MfeContext {
  const { getToken } = props
  return {
    locale: props.locale ?? 'en',
    basePath: props.basePath ?? '/',
    apiBaseUrl: props.apiBaseUrl,
    auth: {
      getToken: async () => getToken(),
      onUnauthorized: props.onUnauthorized ?? ignoreUnauthorized,
    },
    navigate: props.navigate ?? defaultNavigate,
    events: forwardingTo(props.events ?? createEventBus(), props.onEvent),
    tenant: props.tenant ?? { partnerId: '', partnerName: '' },
    featureFlags: props.featureFlags ?? {},
    zIndexBase: props.zIndexBase ?? DEFAULT_Z_INDEX_BASE,
  }
}

/** The part of new props a mounted module applies without a remount (`update`). */
export function patchFromHostProps(props: Partial<HostProps>): MfeContextPatch {
  const patch: MfeContextPatch = {}
  if (props.locale) patch.locale = props.locale
  if (props.tenant) patch.tenant = props.tenant
  if (props.featureFlags) patch.featureFlags = props.featureFlags
  return patch
}

import {
  createEventBus,
  type Locale,
  type MfeContext,
  type MfeContextPatch,
  type MfeEventBus,
} from '@partner-center/mfe-contract'
import * as lifecycle from './lifecycle'

/**
 * What a single-spa root config passes this module (`customProps` of `registerApplication` or
 * the props of `mountParcel`, merged by single-spa with its own `name` and `singleSpa`). Only
 * `domElement`, `getToken` and `apiBaseUrl` are required; the rest have defaults.
 */
export interface SingleSpaProps {
  /** The element the module renders into; single-spa never creates one for us. */
  domElement: HTMLElement
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
  /** Leaves the module's route. Default: single-spa's `navigateToUrl`. */
  navigate?: (to: string, options?: { replace?: boolean }) => void
  /** Where the module emits `invitation:sent` and the like. Default: a bus of its own. */
  events?: MfeEventBus
  /** Display only. Default: empty names. */
  tenant?: MfeContext['tenant']
  /** Default: none. */
  featureFlags?: Readonly<Record<string, boolean>>
  /** Popups stack from here upwards. Default 2000 (Element Plus's own). */
  zIndexBase?: number
  /** Passed by single-spa itself. */
  name?: string
  singleSpa?: { navigateToUrl?: (to: string) => void }
}

const LOCALES: readonly Locale[] = ['en', 'zh-CN']
const DEFAULT_Z_INDEX_BASE = 2000

/** A rejection a root config can act on: it names the prop and what was expected. */
function missingProp(name: string, expected: string, value: unknown): Error {
  const got = value === undefined ? 'nothing' : typeof value
  return new Error(
    `customer-development (single-spa): the prop "${name}" must be ${expected} (got ${got})`
  )
}

function checkProps(props: Partial<SingleSpaProps> | undefined): SingleSpaProps {
  const given = props ?? {}
  if (!(given.domElement instanceof HTMLElement)) {
    throw missingProp('domElement', 'an HTMLElement', given.domElement)
  }
  if (typeof given.getToken !== 'function') {
    throw missingProp('getToken', 'a function returning the bearer token', given.getToken)
  }
  if (typeof given.apiBaseUrl !== 'string' || given.apiBaseUrl.trim() === '') {
    throw missingProp('apiBaseUrl', 'a non-empty URL string', given.apiBaseUrl)
  }
  if (given.locale !== undefined && !LOCALES.includes(given.locale)) {
    throw missingProp('locale', `one of ${LOCALES.join(', ')}`, given.locale)
  }
  return given as SingleSpaProps
}

/** The default `onUnauthorized`, for a host that renews sessions on its own. */
function ignoreUnauthorized(): void {
  // Nothing to do: the failed request still shows its error in the module.
}

/** The default `navigate`: single-spa's router when given, else the History API. */
function navigateWith(props: SingleSpaProps): MfeContext['navigate'] {
  const navigateToUrl = props.singleSpa?.navigateToUrl
  return (to, options) => {
    if (navigateToUrl && !options?.replace) {
      navigateToUrl(to)
      return
    }
    const state: unknown = history.state
    if (options?.replace) history.replaceState(state, '', to)
    else history.pushState(state, '', to)
    // single-spa (and most routers) listen for popstate to re-evaluate their routes.
    window.dispatchEvent(new PopStateEvent('popstate', { state }))
  }
}

/** Maps single-spa props onto the contract's context (architecture.md §4). */
export function contextFromProps(props: SingleSpaProps): MfeContext {
  const { getToken } = props
  return {
    locale: props.locale ?? 'en',
    basePath: props.basePath ?? '/',
    apiBaseUrl: props.apiBaseUrl,
    auth: {
      getToken: async () => getToken(),
      onUnauthorized: props.onUnauthorized ?? ignoreUnauthorized,
    },
    navigate: props.navigate ?? navigateWith(props),
    events: props.events ?? createEventBus(),
    tenant: props.tenant ?? { partnerId: '', partnerName: '' },
    featureFlags: props.featureFlags ?? {},
    zIndexBase: props.zIndexBase ?? DEFAULT_Z_INDEX_BASE,
  }
}

/** single-spa lifecycle: once, before the first mount. */
export async function bootstrap(): Promise<void> {
  await lifecycle.bootstrap()
}

/** single-spa lifecycle: renders into `props.domElement`; rejects naming a missing prop. */
export async function mount(props: SingleSpaProps): Promise<void> {
  const checked = checkProps(props)
  await lifecycle.mount(checked.domElement, contextFromProps(checked))
}

/**
 * single-spa lifecycle (parcels only): applies a new `locale`, `tenant` or `featureFlags`
 * without a remount; other props take effect on the next mount.
 */
export async function update(props: SingleSpaProps): Promise<void> {
  const checked = checkProps(props)
  const patch: MfeContextPatch = {}
  if (checked.locale) patch.locale = checked.locale
  if (checked.tenant) patch.tenant = checked.tenant
  if (checked.featureFlags) patch.featureFlags = checked.featureFlags
  await lifecycle.update(checked.domElement, patch)
}

/** single-spa lifecycle: removes every node, style and listener of the mount. */
export async function unmount(props: SingleSpaProps): Promise<void> {
  if (!(props?.domElement instanceof HTMLElement)) {
    throw missingProp('domElement', 'an HTMLElement', props?.domElement)
  }
  await lifecycle.unmount(props.domElement)
}

import { isLocale } from '@partner-center/domain'
import {
  defineMicroFrontendElement,
  type Locale,
  type MfeContext,
  type MicroFrontendElement,
  type MicroFrontendElementClass,
} from '@partner-center/mfe-contract'
import * as lifecycle from '../lifecycle'
import {
  dispatchBusEvent,
  dispatchError,
  dispatchNavigate,
  dispatchUnauthorized,
  type ErrorDetail,
} from './custom-element-events'
import {
  checkHostProps,
  checkLocale,
  contextFromHostProps,
  invalidProp,
  type HostProps,
} from './host-props'

export { CUSTOMER_DEVELOPMENT_EVENTS } from './custom-element-events'

/** The tag importing this entry defines. */
export const CUSTOMER_DEVELOPMENT_TAG = 'customer-development-module'

const HOST = 'custom element'

/** Returns the bearer token, or a promise of it; called before every API request. */
export type TokenGetter = () => Promise<string> | string

/**
 * `<customer-development-module>`: the module for hosts written in React, Angular or no
 * framework (architecture.md §4). Connecting mounts, removing unmounts everything, and a new
 * `locale` (attribute or property) applies without a remount; `basePath` and `apiBaseUrl` are
 * read at each mount. `tenant` and `featureFlags` go through the inherited `context` setter.
 * No shadow root: Element Plus's popups and focus handling need the light DOM (docs/).
 */
export interface CustomerDevelopmentElement extends MicroFrontendElement {
  /** Attribute `locale`; `'en'` (default) or `'zh-CN'`. */
  locale: Locale
  /** Attribute `base-path`: the route the module owns. Default `'/'`. */
  basePath: string
  /** Attribute `api-base-url` (required): the Partner Center API, e.g. `https://api.example.com/api`. */
  apiBaseUrl: string
  /** Property only (required): the current bearer token; the host refreshes it, never cached. */
  getToken: TokenGetter | undefined
}

const ATTRIBUTES = { locale: 'locale', basePath: 'base-path', apiBaseUrl: 'api-base-url' } as const
const PROPERTIES = ['locale', 'basePath', 'apiBaseUrl', 'getToken'] as const

/** Adds the attributes, properties and DOM events to the contract's element. */
function withHostApi(Base: MicroFrontendElementClass) {
  return class extends Base implements CustomerDevelopmentElement {
    static observedAttributes = [ATTRIBUTES.locale]
    #getToken: TokenGetter | undefined

    constructor() {
      super()
      // A host may set properties before this entry loaded (an element not yet upgraded):
      // those own properties would hide the accessors, so move them onto the accessors.
      for (const name of PROPERTIES) {
        if (Object.hasOwn(this, name)) {
          const value: unknown = Reflect.get(this, name)
          Reflect.deleteProperty(this, name)
          Reflect.set(this, name, value)
        }
      }
      // The contract's failure event, under the module's own name as well.
      this.addEventListener('mfe-error', (event) => {
        if (event.target === this) dispatchError(this, (event as CustomEvent<ErrorDetail>).detail)
      })
    }

    get locale(): Locale {
      const value = this.getAttribute(ATTRIBUTES.locale) ?? 'en'
      return isLocale(value) ? value : 'en'
    }
    set locale(value: Locale) {
      this.setAttribute(ATTRIBUTES.locale, value)
    }
    get basePath(): string {
      return this.getAttribute(ATTRIBUTES.basePath) ?? '/'
    }
    set basePath(value: string) {
      this.setAttribute(ATTRIBUTES.basePath, value)
    }
    get apiBaseUrl(): string {
      return this.getAttribute(ATTRIBUTES.apiBaseUrl) ?? ''
    }
    set apiBaseUrl(value: string) {
      this.setAttribute(ATTRIBUTES.apiBaseUrl, value)
    }
    get getToken(): TokenGetter | undefined {
      return this.#getToken
    }
    set getToken(value: TokenGetter | undefined) {
      this.#getToken = value
    }

    attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
      if (previous === next) return
      const locale = next ?? 'en'
      try {
        checkLocale(HOST, locale)
      } catch (error) {
        dispatchError(this, { phase: 'update', error })
        return
      }
      this.context = { locale } // an update when mounted, else applied at the next mount
    }
  }
}

/** The context of one mount, from the element's attributes and properties. */
function contextOf(element: CustomerDevelopmentElement): MfeContext {
  const locale = element.getAttribute(ATTRIBUTES.locale) ?? 'en'
  checkLocale(HOST, locale)
  const props: Partial<HostProps> = {
    // Checked here, then read again at every call, so the host may swap the getter.
    getToken: element.getToken,
    apiBaseUrl: element.apiBaseUrl,
    locale,
    basePath: element.basePath,
  }
  checkHostProps(HOST, props)
  return contextFromHostProps({
    ...(props as HostProps),
    getToken: () => {
      const getToken = element.getToken
      if (typeof getToken !== 'function') {
        throw invalidProp(HOST, 'getToken', 'a function returning the bearer token', getToken)
      }
      return getToken()
    },
    navigate: (to, options) => dispatchNavigate(element, to, options?.replace ?? false),
    onUnauthorized: () => dispatchUnauthorized(element),
    onEvent: (name, detail) => dispatchBusEvent(element, name, detail),
  })
}

/**
 * Defines `<customer-development-module>` (idempotent: importing this entry calls it, and
 * calling it again returns the same constructor).
 *
 * @example
 * const element = document.createElement('customer-development-module') as CustomerDevelopmentElement
 * element.apiBaseUrl = 'https://api.example.com/api'
 * element.getToken = () => session.token()
 * element.addEventListener('customer-development:navigate', (event) => routeHost(event))
 * document.querySelector('main')?.append(element) // mounts
 */
export function defineCustomerDevelopmentElement(
  registry: CustomElementRegistry = customElements
): CustomElementConstructor {
  return defineMicroFrontendElement<CustomerDevelopmentElement>(
    CUSTOMER_DEVELOPMENT_TAG,
    lifecycle,
    {
      createContext: contextOf,
      registry,
      extend: withHostApi,
    }
  )
}

defineCustomerDevelopmentElement()

/**
 * The micro-frontend contract of architecture.md section 4, word for word. Hosts and modules
 * both compile against these types; anything that changes them incompatibly bumps
 * `CONTRACT_VERSION`, and hosts refuse every version but their own.
 */

/**
 * The contract version this package implements; bumped only for breaking changes.
 *
 * @example
 * export const contractVersion = CONTRACT_VERSION // in a module's lifecycle entry
 */
export const CONTRACT_VERSION = 1 as const

/**
 * The locales a host can hand to a module.
 *
 * @example
 * const locale: Locale = 'zh-CN'
 */
export type Locale = 'en' | 'zh-CN'

/**
 * An event name in `domain:verb` form, so names from different modules cannot collide.
 *
 * @example
 * const name: MfeEventName = 'invitation:sent'
 */
export type MfeEventName = `${string}:${string}`

/**
 * The host's event channel, shared by every mounted module (see `createEventBus`).
 *
 * @example
 * const off = ctx.events.on('invitation:sent', (detail) => refreshBadge(detail))
 * ctx.events.emit('invitation:sent', { invitationId })
 * off()
 */
export interface MfeEventBus {
  emit(name: MfeEventName, detail?: unknown): void
  /** Returns the function that unsubscribes this listener. */
  on(name: MfeEventName, listener: (detail: unknown) => void): () => void
}

/**
 * Everything a module receives from its host when it mounts.
 *
 * @example
 * await module.mount(container, {
 *   locale: 'en',
 *   basePath: '/sales/leads/customer-development',
 *   apiBaseUrl: '/api',
 *   auth: { getToken: () => session.token(), onUnauthorized: () => session.signOut() },
 *   navigate: (to) => router.push(to),
 *   events: createEventBus(),
 *   tenant: { partnerId: 'p-1', partnerName: 'Contoso' },
 *   featureFlags: {},
 *   zIndexBase: 2000,
 * })
 */
export interface MfeContext {
  locale: Locale
  /** Host route the module owns, e.g. '/sales/leads/customer-development'. */
  basePath: string
  apiBaseUrl: string
  auth: {
    /** The current bearer token; the host refreshes it, so never cache it. */
    getToken(): Promise<string>
    /** Called after a 401 the module cannot recover from. */
    onUnauthorized(): void
  }
  navigate(to: string, options?: { replace?: boolean }): void
  events: MfeEventBus
  /** Display only; never a basis for authorisation. */
  tenant: { partnerId: string; partnerName: string; region?: string }
  featureFlags: Readonly<Record<string, boolean>>
  /** Popups stack from here upwards. */
  zIndexBase: number
}

/**
 * The parts of the context a host may change while a module stays mounted.
 *
 * @example
 * await module.update?.(container, { locale: 'zh-CN' })
 */
export type MfeContextPatch = Partial<Pick<MfeContext, 'locale' | 'featureFlags' | 'tenant'>>

/**
 * The lifecycle a module's entry exports (single-spa/qiankun names, so the same file drops into
 * those hosts).
 *
 * @example
 * export const contractVersion = CONTRACT_VERSION
 * export async function mount(container: HTMLElement, ctx: MfeContext) {
 *   const root = container.ownerDocument.createElement('div')
 *   root.lang = ctx.locale
 *   container.append(root)
 * }
 * export async function unmount(container: HTMLElement) {
 *   container.replaceChildren()
 * }
 */
export interface MfeModule {
  contractVersion: typeof CONTRACT_VERSION
  /** Once per page, before the first mount; no DOM access. */
  bootstrap?(): Promise<void>
  /** A rejection makes the host show its fallback panel. */
  mount(container: HTMLElement, ctx: MfeContext): Promise<void>
  update?(container: HTMLElement, patch: MfeContextPatch): Promise<void>
  /** Removes all nodes, CSS, listeners and timers of this mount. */
  unmount(container: HTMLElement): Promise<void>
}

/**
 * The `manifest.json` a module's build emits beside its entry.
 *
 * @example
 * const manifest: MfeManifest = {
 *   name: 'customer-development',
 *   version: '1.4.0',
 *   contractVersion: 1,
 *   entry: './lifecycle.4f2a9c.js',
 *   css: ['./style.91bd0e.css'],
 * }
 */
export interface MfeManifest {
  name: string
  version: string
  /** The host refuses anything but `CONTRACT_VERSION`. */
  contractVersion: number
  /** ES module URL, relative to manifest.json. */
  entry: string
  /** Same base as `entry`; preloaded by the host, injected by the module. */
  css: string[]
}

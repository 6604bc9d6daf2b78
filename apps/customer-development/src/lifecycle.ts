import {
  CONTRACT_VERSION,
  injectStylesheets,
  releaseStylesheets,
  type MfeContext,
  type MfeContextPatch,
} from '@partner-center/mfe-contract'
import { createPinia } from 'pinia'
import { createApp, nextTick, shallowRef, type App, type ShallowRef } from 'vue'
import { createModuleApiClient } from './api'
import CustomerDevelopmentApp from './components/layout/CustomerDevelopmentApp.vue'
import { tabFromLocation } from './composables/use-tab-route'
import { MODULE_CONTEXT, OVERLAY } from './context'
import { createModuleI18n, loadLanguage, type ModuleI18n } from './i18n'
import { loadFirstView } from './load-first-view'
import { MODULE_API } from './module-api'
import { configureElementPlus, removePopperContainer } from './element-plus-config'
import { MODULE_ROOT_CLASS } from './style-scope'

const MODULE_NAME = 'customer-development'

interface MountedInstance {
  app: App
  i18n: ModuleI18n
  context: ShallowRef<MfeContext>
  root: HTMLElement
  /** Element Plus's id prefix of this mount, which also names its popper container. */
  idPrefix: number
}

/**
 * The module root: the app's own node plus the overlay node where dialogs, tooltips and
 * messages are attached. Both sit under `.pc-customer-development`, so the theme applies to
 * popups and removing the root removes them too.
 */
function createRoot(container: HTMLElement, ctx: MfeContext) {
  const root = document.createElement('div')
  root.className = MODULE_ROOT_CLASS
  root.lang = ctx.locale
  root.dataset.testid = 'customer-development'
  const appNode = document.createElement('div')
  const overlay = document.createElement('div')
  overlay.className = 'pc-cd-overlay'
  // Popups stack from the host's base (architecture.md §4).
  overlay.style.zIndex = String(ctx.zIndexBase)
  root.append(appNode, overlay)
  container.append(root)
  return { root, appNode, overlay }
}

// One Vue app, store and i18n per container: two mounts never share state (architecture.md §4).
const instances = new WeakMap<HTMLElement, MountedInstance>()

/** The CSS files the manifest lists, read once per page beside this module's own URL. */
let stylesheetHrefs: Promise<string[]> | null = null
function loadStylesheetHrefs(): Promise<string[]> {
  // In development and tests Vite injects styles itself; only the built module has a manifest.
  if (!import.meta.env.PROD) return Promise.resolve([])
  stylesheetHrefs ??= fetch(new URL(/* @vite-ignore */ './manifest.json', import.meta.url))
    .then((response) => response.json() as Promise<{ css: string[] }>)
    .then((manifest) => manifest.css.map((href) => new URL(href, import.meta.url).href))
  return stylesheetHrefs
}

/** Part of the mount contract: the contract version this module speaks. */
export const contractVersion = CONTRACT_VERSION

/** Once per page, before the first mount. Nothing to prepare yet. */
export function bootstrap(): Promise<void> {
  return Promise.resolve()
}

/** Renders the Customer Development page into `container`. Rejects when it cannot. */
export async function mount(container: HTMLElement, ctx: MfeContext): Promise<void> {
  if (instances.has(container)) throw new Error('customer-development is already mounted here')
  // Fail before touching the DOM if the host cannot give us a token.
  await ctx.auth.getToken()
  const hrefs = loadStylesheetHrefs()

  const i18n = createModuleI18n(ctx.locale)
  const language = loadLanguage(i18n, ctx.locale)
  const context = shallowRef(ctx)
  const app = createApp(CustomerDevelopmentApp, { zIndexBase: ctx.zIndexBase })
  const client = createModuleApiClient(ctx, () => i18n.global.locale.value)
  const idPrefix = configureElementPlus(app)
  app.use(createPinia())
  app.use(i18n)
  app.provide(MODULE_API, client)
  app.provide(MODULE_CONTEXT, context)
  // The first answers are what the user waits for: ask while the stylesheets load.
  app.runWithContext(() => loadFirstView(tabFromLocation(ctx.basePath)))
  await injectStylesheets({ name: MODULE_NAME, hrefs: await hrefs, document })
  await language

  const { root, appNode, overlay } = createRoot(container, ctx)
  app.provide(OVERLAY, overlay)
  try {
    app.mount(appNode)
  } catch (error) {
    releaseStylesheets(MODULE_NAME)
    removePopperContainer(idPrefix)
    container.replaceChildren()
    throw error
  }
  instances.set(container, { app, i18n, context, root, idPrefix })
}

/** Applies a new locale, tenant or feature flags without a remount. */
export async function update(container: HTMLElement, patch: MfeContextPatch): Promise<void> {
  const instance = instances.get(container)
  if (!instance) throw new Error('customer-development is not mounted here')
  instance.context.value = { ...instance.context.value, ...patch }
  if (patch.locale) {
    await loadLanguage(instance.i18n, patch.locale)
    instance.i18n.global.locale.value = patch.locale
    instance.root.lang = patch.locale
  }
  // Resolve once the DOM shows the change (the contract kit and hosts rely on it).
  await nextTick()
}

/** Removes every node, style and listener this mount created. */
export function unmount(container: HTMLElement): Promise<void> {
  const instance = instances.get(container)
  if (!instance) return Promise.resolve()
  instance.app.unmount()
  container.replaceChildren()
  instances.delete(container)
  releaseStylesheets(MODULE_NAME)
  removePopperContainer(instance.idPrefix)
  return Promise.resolve()
}

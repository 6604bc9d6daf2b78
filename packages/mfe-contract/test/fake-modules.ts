import { injectStylesheets, releaseStylesheets } from '../src/inject-stylesheets'
import { CONTRACT_VERSION, type Locale, type MfeContext, type MfeModule } from '../src/types'

/** Deliberate contract violations a fake module can be built with. */
export interface FakeModuleFlaws {
  /** unmount() leaves a toast node in the container. */
  leaksNode?: boolean
  /** All mounts share one locale; update() re-renders every container. */
  sharesState?: boolean
  /** update() does nothing. */
  ignoresUpdate?: boolean
  /** The root element never gets a lang attribute (the text still changes). */
  omitsLang?: boolean
  /** unmount() never releases the stylesheet, so link[data-mfe] stays. */
  leaksStylesheet?: boolean
  /** A rejected getToken leaves the module refusing every later mount. */
  poisonedByTokenFailure?: boolean
  /** Reports an error on window during mount, as an uncaught exception would. */
  reportsUncaughtError?: boolean
}

const GREETINGS: Record<Locale, string> = { en: 'Customer development', 'zh-CN': '客户拓展' }
export const FAKE_MODULE_NAME = 'fake-module'
export const FAKE_CSS = 'http://localhost:3000/mfe/fake/style.css'

interface Instance {
  root: HTMLElement
  ctx: MfeContext
}

/**
 * A small micro-frontend in plain DOM code: a well-behaved one by default, or one with the
 * given flaws so the contract test kit has something to catch.
 *
 * @example
 * const module = createFakeModule({ leaksNode: true })
 */
export function createFakeModule(flaws: FakeModuleFlaws = {}): MfeModule {
  const instances = new WeakMap<HTMLElement, Instance>()
  const shared = { locale: 'en' as Locale, roots: new Set<Instance>() }
  let poisoned = false
  // A distinct name keeps a deliberately leaked reference from skewing other tests' counts.
  const name = flaws.leaksStylesheet ? `${FAKE_MODULE_NAME}-leaky` : FAKE_MODULE_NAME

  const render = (instance: Instance) => {
    const locale = flaws.sharesState ? shared.locale : instance.ctx.locale
    if (!flaws.omitsLang) instance.root.lang = locale
    instance.root.textContent = `${GREETINGS[locale]} · ${instance.ctx.tenant.partnerName}`
  }

  return {
    contractVersion: CONTRACT_VERSION,
    async mount(container, ctx) {
      if (poisoned) throw new Error('the module is broken since a token failure')
      const document = container.ownerDocument
      await injectStylesheets({ name, hrefs: [FAKE_CSS], document })
      try {
        await ctx.auth.getToken()
      } catch (error) {
        if (flaws.poisonedByTokenFailure) poisoned = true
        releaseStylesheets(name, document)
        throw error
      }
      const root = document.createElement('section')
      root.className = 'pc-fake-module'
      const instance = { root, ctx }
      instances.set(container, instance)
      shared.roots.add(instance)
      render(instance)
      container.append(root)
      if (flaws.reportsUncaughtError) {
        const window = document.defaultView
        window?.dispatchEvent(new window.ErrorEvent('error', { error: new Error('fake uncaught') }))
      }
    },
    async update(container, patch) {
      const instance = instances.get(container)
      if (!instance || flaws.ignoresUpdate) return
      instance.ctx = { ...instance.ctx, ...patch }
      if (flaws.sharesState) {
        shared.locale = instance.ctx.locale
        shared.roots.forEach(render)
      } else {
        render(instance)
      }
      await Promise.resolve()
    },
    async unmount(container) {
      const instance = instances.get(container)
      if (!instance) return
      instances.delete(container)
      shared.roots.delete(instance)
      instance.root.remove()
      if (flaws.leaksNode) container.append(container.ownerDocument.createElement('aside'))
      if (!flaws.leaksStylesheet) releaseStylesheets(name, container.ownerDocument)
      await Promise.resolve()
    },
  }
}

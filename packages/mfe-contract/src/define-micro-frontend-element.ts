import { bootstrapOnce } from './bootstrap-once'
import { invoke } from './deadline'
import type { MfeContext, MfeContextPatch, MfeModule } from './types'
import { cleanUpFailedMount, pickPatch, updateOrRemount } from './update-or-remount'

/**
 * Options of `defineMicroFrontendElement`.
 *
 * @example
 * const options: DefineMicroFrontendElementOptions = { createContext: () => hostContext() }
 */
export interface DefineMicroFrontendElementOptions<
  Element extends MicroFrontendElement = MicroFrontendElement,
> {
  /**
   * Called on every connect; the element lets a host read its attributes (and, with `extend`,
   * the properties the subclass adds).
   */
  createContext: (element: Element) => MfeContext
  /** Defaults to the global `customElements`. */
  registry?: CustomElementRegistry
  /**
   * Subclasses the element before it is defined, so a module can add its own attributes
   * (`static observedAttributes` and `attributeChangedCallback`) and properties: `createContext`
   * reads them at each mount, and the subclass sets `context` to apply a change while mounted.
   * An override of `connectedCallback` or `disconnectedCallback` must call `super`. Optional;
   * without it the element has only `context` and `settled`.
   *
   * @example
   * extend: (Base) =>
   *   class extends Base {
   *     static observedAttributes = ['locale']
   *     attributeChangedCallback(_name: string, _old: string | null, locale: string | null) {
   *       if (locale === 'en' || locale === 'zh-CN') this.context = { locale }
   *     }
   *   }
   */
  extend?: (Base: MicroFrontendElementClass) => new () => Element
}

/**
 * The element `defineMicroFrontendElement` defines. Lifecycle failures never throw: they are
 * dispatched as a bubbling `mfe-error` event (`detail: { phase, error }`), and a successful
 * mount as `mfe-mounted`.
 *
 * @example
 * const element = document.createElement('pc-customer-development') as MicroFrontendElement
 * element.addEventListener('mfe-error', () => showFallback())
 * document.body.append(element)
 * await element.settled
 */
export interface MicroFrontendElement extends HTMLElement {
  /** The context of the current mount, if mounted. */
  get context(): MfeContext | undefined
  /** Merges a patch (a whole context is fine: only locale, featureFlags and tenant are read). */
  set context(patch: MfeContextPatch)
  /** Resolves when every queued mount, update and unmount has finished; never rejects. */
  readonly settled: Promise<void>
}

/**
 * The class `defineMicroFrontendElement` builds, as handed to its `extend` option.
 *
 * @example
 * const extend = (Base: MicroFrontendElementClass) => class extends Base {}
 */
export interface MicroFrontendElementClass {
  new (): MicroFrontendElement
  readonly prototype: MicroFrontendElement
}

type Phase = 'mount' | 'update' | 'unmount'

// Remembers which module each defined constructor wraps, so defining the same pair twice is
// harmless while reusing a tag for another module fails loudly.
const definedModules = new WeakMap<CustomElementConstructor, MfeModule>()

function createElementClass<Element extends MicroFrontendElement>(
  module: MfeModule,
  createContext: DefineMicroFrontendElementOptions<Element>['createContext']
): MicroFrontendElementClass {
  return class extends HTMLElement implements MicroFrontendElement {
    #ctx: MfeContext | undefined
    #overrides: MfeContextPatch = {}
    #queue: Promise<void> = Promise.resolve()

    get context(): MfeContext | undefined {
      return this.#ctx
    }

    set context(patch: MfeContextPatch) {
      const picked = pickPatch(patch)
      this.#overrides = { ...this.#overrides, ...picked }
      this.#enqueue('update', async () => {
        if (!this.#ctx) return // not mounted: the overrides apply at the next mount
        this.#ctx = await updateOrRemount({
          module,
          container: this,
          ctx: this.#ctx,
          patch: picked,
        })
      })
    }

    get settled(): Promise<void> {
      return this.#queue
    }

    connectedCallback(): void {
      this.#enqueue('mount', async () => {
        if (this.#ctx || !this.isConnected) return // already mounted, or gone again meanwhile
        // `this` is an instance of the subclass `extend` made, when there is one.
        const ctx: MfeContext = { ...createContext(this as unknown as Element), ...this.#overrides }
        try {
          await bootstrapOnce(undefined, module)
          await invoke(() => module.mount(this, ctx))
        } catch (error) {
          await cleanUpFailedMount(module, this)
          this.replaceChildren()
          throw error
        }
        this.#ctx = ctx
        this.dispatchEvent(new CustomEvent('mfe-mounted', { bubbles: true }))
      })
    }

    disconnectedCallback(): void {
      this.#enqueue('unmount', async () => {
        if (!this.#ctx || this.isConnected) return // never mounted, or moved and reconnected
        this.#ctx = undefined
        await invoke(() => module.unmount(this))
      })
    }

    // One queue per element: lifecycle calls never overlap inside the module, and a
    // disconnect during a pending mount unmounts once that mount has finished.
    #enqueue(phase: Phase, work: () => Promise<void>): void {
      this.#queue = this.#queue.then(work).catch((error: unknown) => {
        this.dispatchEvent(
          new CustomEvent('mfe-error', { bubbles: true, detail: { phase, error } })
        )
      })
    }
  }
}

/**
 * Wraps a module in a custom element (no shadow DOM, so popups and global theme variables keep
 * their styles): connecting mounts it into the element, disconnecting unmounts, and setting
 * `context` calls `update` (or remounts a module without `update`). `extend` may subclass it to
 * add attributes and properties. Returns the constructor; defining the same tag for the same
 * module again returns the existing one (and ignores the new options).
 *
 * @example
 * import * as lifecycle from './lifecycle'
 * defineMicroFrontendElement('pc-customer-development', lifecycle, {
 *   createContext: () => ({ ...hostContext, locale: currentLocale() }),
 * })
 * const element = document.createElement('pc-customer-development') as MicroFrontendElement
 * document.querySelector('main')?.append(element) // mounts
 * element.context = { locale: 'zh-CN' } // updates
 * element.remove() // unmounts
 */
export function defineMicroFrontendElement<
  Element extends MicroFrontendElement = MicroFrontendElement,
>(
  tagName: string,
  module: MfeModule,
  {
    createContext,
    registry = globalThis.customElements,
    extend,
  }: DefineMicroFrontendElementOptions<Element>
): CustomElementConstructor {
  const existing = registry.get(tagName)
  if (existing) {
    if (definedModules.get(existing) === module) return existing
    throw new Error(
      `<${tagName}> is already defined for another module; custom element names cannot be redefined`
    )
  }
  const Base = createElementClass(module, createContext)
  const ElementClass: CustomElementConstructor = extend ? extend(Base) : Base
  registry.define(tagName, ElementClass)
  definedModules.set(ElementClass, module)
  return ElementClass
}

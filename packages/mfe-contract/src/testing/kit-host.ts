import { createDeadline, invoke, TIMED_OUT } from '../deadline'
import { describeError } from '../load-result'

/**
 * The outcome of one lifecycle call made by the kit.
 *
 * @example
 * const outcome: CallOutcome = await host.call('mount()', () => module.mount(container, ctx))
 * if (!outcome.ok) problems.push(outcome.message)
 */
export type CallOutcome = { ok: true } | { ok: false; message: string }

/**
 * The kit's stand-in for a host page: a root element holding its containers, lifecycle calls
 * bounded by a timeout, and waits that let the module's asynchronous rendering land. Internal
 * to the kit; it uses DOM and timer APIs only, so it runs in browsers and happy-dom alike.
 *
 * @example
 * const host = new KitHost(document, 5_000)
 * const first = host.createContainer('first')
 * const outcome = await host.call('mount', () => module.mount(first, ctx))
 * host.dispose()
 */
export class KitHost {
  readonly root: HTMLElement

  constructor(
    readonly document: Document,
    readonly timeoutMs: number
  ) {
    this.root = document.createElement('div')
    this.root.dataset.mfeCheck = ''
    document.body.append(this.root)
  }

  /** A fresh empty container, attached to the page like a host's module slot. */
  createContainer(label: string): HTMLElement {
    const container = this.document.createElement('div')
    container.dataset.mfeCheckContainer = label
    this.root.append(container)
    return container
  }

  /** Runs one lifecycle call (a throw counts as a rejection) and then lets rendering settle. */
  async call(label: string, run: () => unknown): Promise<CallOutcome> {
    const deadline = createDeadline(this.timeoutMs)
    try {
      const outcome = await deadline.race(invoke(run))
      if (outcome === TIMED_OUT) {
        return { ok: false, message: `${label} did not settle within ${this.timeoutMs} ms` }
      }
      return { ok: true }
    } catch (error) {
      return { ok: false, message: `${label} rejected: ${describeError(error)}` }
    } finally {
      deadline.cancel()
      await this.settle()
    }
  }

  /**
   * Yields to queued microtasks and one macrotask, so rendering scheduled by the module (Vue's
   * nextTick, a resolved fetch) lands before the kit looks. Uses real timers: do not run the
   * kit under fake timers.
   */
  async settle(): Promise<void> {
    for (let turn = 0; turn < 5; turn += 1) await Promise.resolve()
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
  }

  /**
   * Waits until the containers have not changed for a quiet window (250 ms), at most 5 s. A
   * module may still be loading its data over a real network after mount() resolves; comparing
   * snapshots before that settles would blame the module for its own first render.
   */
  async stabilise(containers: readonly HTMLElement[]): Promise<void> {
    const quietTurnsNeeded = 5
    let previous = containers.map((container) => container.innerHTML)
    let quietTurns = 0
    for (let turn = 0; turn < 100 && quietTurns < quietTurnsNeeded; turn += 1) {
      await this.settle()
      await new Promise<void>((resolve) => setTimeout(resolve, 50))
      const current = containers.map((container) => container.innerHTML)
      quietTurns = current.every((html, index) => html === previous[index]) ? quietTurns + 1 : 0
      previous = current
    }
  }

  /** The `link[data-mfe]` elements in the document now. */
  mfeLinks(): HTMLLinkElement[] {
    return Array.from(this.document.querySelectorAll<HTMLLinkElement>('link[data-mfe]'))
  }

  dispose(): void {
    this.root.remove()
  }
}

/**
 * True when a container holds no elements and no visible text (comments may stay: frameworks
 * leave anchors behind).
 *
 * @example
 * isEmpty(container) // after unmount
 */
export function isEmpty(container: HTMLElement): boolean {
  return container.children.length === 0 && (container.textContent ?? '').trim() === ''
}

/**
 * The `lang` of the module's root element (the container's first element child).
 *
 * @example
 * rootLang(container) // 'zh-CN' after update({ locale: 'zh-CN' })
 */
export function rootLang(container: HTMLElement): string | null {
  return container.firstElementChild?.getAttribute('lang') ?? null
}

/**
 * Records `error` and `unhandledrejection` events on a window until stopped. In happy-dom under
 * vitest these events are not dispatched (vitest itself fails the run on such errors instead).
 *
 * @example
 * const uncaught = captureUncaught(window)
 * // ...
 * uncaught.stop()
 * console.log(uncaught.errors)
 */
export function captureUncaught(window: Window | null): { errors: string[]; stop: () => void } {
  const errors: string[] = []
  if (!window) return { errors, stop: () => undefined }
  const onError = (event: ErrorEvent) => {
    errors.push(describeError(event.error ?? event.message))
  }
  const onRejection = (event: PromiseRejectionEvent) => {
    errors.push(`unhandled rejection: ${describeError(event.reason)}`)
  }
  window.addEventListener('error', onError)
  window.addEventListener('unhandledrejection', onRejection)
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
    },
  }
}

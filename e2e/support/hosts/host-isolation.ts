import { expect, type CDPSession, type Page } from '@playwright/test'
import { MODULE_PATH } from '../first-view'

/**
 * Computed styles of the host's own elements: `html`, `body` and every element the host page
 * marks with `data-host-sample="<name>"` (headings, buttons, links, inputs, a dialog, an
 * Element Plus button…), plus the custom properties in force on `:root`. Taken before mount,
 * while mounted and after unmount, the three must be identical (issue 19 item 3).
 */
export interface HostLook {
  elements: Record<string, Record<string, string>>
  rootCustomProperties: Record<string, string>
}

/** What a mount could leave behind, read after a garbage collection. */
export interface LeakFigures {
  /** Chromium's live DOM node count of the page (Performance.getMetrics `Nodes`). */
  nodes: number
  /** Chromium's count of JS event listeners in the page (`JSEventListeners`). */
  jsEventListeners: number
  /** Listeners on `window` and `document` (DOMDebugger.getEventListeners). */
  windowAndDocumentListeners: number
  /** Children of `<head>`: injected `<style>` and `<link>` elements. */
  headChildren: number
  /** `document.styleSheets` plus `document.adoptedStyleSheets`. */
  styleSheets: number
  /**
   * The module's `setInterval`s started and not cleared (a probe installed before the page's
   * scripts; the module's are those started from a file below its path). A host framework's own
   * timers (single-spa's lifecycle warnings, qiankun's) are not the module's to clear.
   */
  liveIntervals: number
  /** The module's `setTimeout`s started, not cleared and not yet run. */
  pendingTimeouts: number
  /** Delay and first stack frames of each live interval and pending timeout. */
  timerOrigins: string[]
}

/** What the timer probe reports: the origin of each live interval and pending timeout. */
interface TimerProbeReading {
  intervals: string[]
  timeouts: string[]
}

// Properties that follow the element's box size, which content added inside the page changes
// (the body grows while the module is mounted); everything else must not move.
const SIZE_DEPENDENT = new Set([
  'block-size',
  'height',
  'inline-size',
  'width',
  'perspective-origin',
  'transform-origin',
])

/** Reads the host's look in the page (see {@link HostLook}). */
export async function snapshotHostLook(page: Page): Promise<HostLook> {
  return page.evaluate(
    (sizeDependent) => {
      const skip = new Set(sizeDependent)
      const read = (element: Element): Record<string, string> => {
        const style = getComputedStyle(element)
        const values: Record<string, string> = {}
        for (let index = 0; index < style.length; index++) {
          const name = style.item(index)
          if (!skip.has(name)) values[name] = style.getPropertyValue(name)
        }
        return values
      }
      const elements: Record<string, Record<string, string>> = {
        html: read(document.documentElement),
        body: read(document.body),
      }
      for (const element of Array.from(document.querySelectorAll('[data-host-sample]'))) {
        elements[element.getAttribute('data-host-sample') ?? ''] = read(element)
      }
      // Custom properties declared for :root or html by any readable stylesheet, and those
      // Chromium lists in the computed style: their values on the document element.
      const names = new Set<string>()
      const rootStyle = getComputedStyle(document.documentElement)
      for (let index = 0; index < rootStyle.length; index++) {
        const name = rootStyle.item(index)
        if (name.startsWith('--')) names.add(name)
      }
      const collect = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSStyleRule && /(^|,)\s*(:root|html)\b/.test(rule.selectorText)) {
            for (const name of Array.from(rule.style)) if (name.startsWith('--')) names.add(name)
          }
          if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules)
        }
      }
      for (const sheet of [...Array.from(document.styleSheets), ...document.adoptedStyleSheets]) {
        try {
          collect(sheet.cssRules)
        } catch {
          // A cross-origin sheet without CORS cannot be read; its :root values still show above.
        }
      }
      const rootCustomProperties: Record<string, string> = {}
      for (const name of [...names].sort()) {
        rootCustomProperties[name] = rootStyle.getPropertyValue(name).trim()
      }
      return { elements, rootCustomProperties }
    },
    [...SIZE_DEPENDENT]
  )
}

/** Asserts that the host looks as it did (a whole-object comparison, so a diff names the property). */
export function expectSameHostLook(actual: HostLook, expected: HostLook, moment: string): void {
  expect(actual, `the host's look ${moment}`).toEqual(expected)
}

/**
 * Counts live intervals and pending timeouts of the page. Call before `page.goto`: it wraps the
 * timer functions before any of the page's scripts run.
 */
export async function installTimerProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const intervals = new Map<unknown, string>()
    const timeouts = new Map<unknown, string>()
    // Where a timer was started: its delay and the stack (which tells the module's timers from
    // the host's and its framework's), for the counts and a failure message.
    const origin = (delay?: number) =>
      `${delay ?? 0} ms ${(new Error().stack ?? '').split('\n').slice(3).join(' <')}`
    const setInterval = window.setInterval.bind(window)
    const clearInterval = window.clearInterval.bind(window)
    const setTimeout = window.setTimeout.bind(window)
    const clearTimeout = window.clearTimeout.bind(window)
    const probe = window as unknown as {
      __timerProbe: () => TimerProbeReading
    }
    window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id = setInterval(handler, delay, ...args)
      intervals.set(id, origin(delay))
      return id
    }) as typeof window.setInterval
    window.clearInterval = ((id?: number) => {
      intervals.delete(id)
      clearInterval(id)
    }) as typeof window.clearInterval
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id: number = setTimeout(
        (...callArgs: unknown[]) => {
          timeouts.delete(id)
          if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...callArgs)
        },
        delay,
        ...args
      )
      timeouts.set(id, origin(delay))
      return id
    }) as typeof window.setTimeout
    window.clearTimeout = ((id?: number) => {
      timeouts.delete(id)
      clearTimeout(id)
    }) as typeof window.clearTimeout
    probe.__timerProbe = () => ({
      intervals: [...intervals.values()],
      timeouts: [...timeouts.values()],
    })
  })
}

/**
 * The page's metrics once garbage collection has nothing more to free: a detached subtree can
 * outlive one collection (its JS wrappers go first, the nodes they held in a later one), so one
 * `collectGarbage` sometimes still counts the last unmounted instance. Collects until the node
 * count stops falling, at most five times.
 */
async function settledMetrics(cdp: CDPSession): Promise<{ name: string; value: number }[]> {
  let previous = Number.POSITIVE_INFINITY
  let metrics: { name: string; value: number }[] = []
  for (let round = 0; round < 5; round++) {
    await cdp.send('HeapProfiler.collectGarbage')
    metrics = (await cdp.send('Performance.getMetrics')).metrics
    const nodes = metrics.find((entry) => entry.name === 'Nodes')?.value ?? Number.NaN
    if (!(nodes < previous)) break
    previous = nodes
  }
  return metrics
}

/**
 * Reads the {@link LeakFigures} after a full garbage collection (Chrome DevTools Protocol), so
 * detached nodes and dropped listeners are not counted.
 */
export async function measureLeakFigures(page: Page): Promise<LeakFigures> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('Performance.enable')
    const metrics = await settledMetrics(cdp)
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN
    let windowAndDocumentListeners = 0
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression })
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId!,
      })
      windowAndDocumentListeners += listeners.length
    }
    const inPage = await page.evaluate(() => {
      const probe = (window as unknown as { __timerProbe?: () => TimerProbeReading }).__timerProbe
      const timers = probe?.() ?? { intervals: [], timeouts: [] }
      return {
        headChildren: document.head.children.length,
        styleSheets: document.styleSheets.length + document.adoptedStyleSheets.length,
        intervals: timers.intervals,
        timeouts: timers.timeouts,
      }
    })
    const { intervals, timeouts, ...counts } = inPage
    const fromModule = (origins: string[]) =>
      origins.filter((origin) => origin.includes(MODULE_PATH))
    return {
      ...counts,
      liveIntervals: fromModule(intervals).length,
      pendingTimeouts: fromModule(timeouts).length,
      timerOrigins: fromModule([...intervals, ...timeouts]),
      nodes: metric('Nodes'),
      jsEventListeners: metric('JSEventListeners'),
      windowAndDocumentListeners,
    }
  } finally {
    await cdp.detach()
  }
}

/**
 * Runs `cycle` (one unmount and mount again, waiting for the rows) `times` times after a first
 * warm-up cycle, and asserts that none of the {@link LeakFigures} grew: the first cycle may load
 * code and fill caches; the next ten must leave the page as they found it. Returns both
 * readings for the closing note.
 */
export async function expectNoLeaksOver(
  page: Page,
  cycle: () => Promise<void>,
  times = 10
): Promise<{ before: LeakFigures; after: LeakFigures }> {
  await cycle()
  const before = await measureLeakFigures(page)
  for (let index = 0; index < times; index++) await cycle()
  const after = await measureLeakFigures(page)
  const figures = ({ timerOrigins: _origins, ...numbers }: LeakFigures) => numbers
  console.log(`leak figures after 1 and after ${times + 1} mount/unmount cycles`, {
    before: figures(before),
    after: figures(after),
  })
  expect(after.nodes, 'DOM nodes').toBeLessThanOrEqual(before.nodes)
  expect(after.jsEventListeners, 'JS event listeners').toBeLessThanOrEqual(before.jsEventListeners)
  expect(after.windowAndDocumentListeners, 'window and document listeners').toBe(
    before.windowAndDocumentListeners
  )
  expect(after.headChildren, 'head children').toBe(before.headChildren)
  expect(after.styleSheets, 'style sheets').toBe(before.styleSheets)
  const timers = `timers after:\n${after.timerOrigins.join('\n')}\nbefore:\n${before.timerOrigins.join('\n')}`
  expect(after.liveIntervals, `live intervals; ${timers}`).toBe(before.liveIntervals)
  expect(after.pendingTimeouts, `pending timeouts; ${timers}`).toBeLessThanOrEqual(
    before.pendingTimeouts
  )
  return { before, after }
}

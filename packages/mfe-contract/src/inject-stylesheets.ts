/**
 * Options of `injectStylesheets`.
 *
 * @example
 * const options: InjectStylesheetsOptions = {
 *   name: 'customer-development',
 *   hrefs: [new URL('./style.css', import.meta.url).href],
 *   document: container.ownerDocument,
 * }
 */
export interface InjectStylesheetsOptions {
  /** The module's name; written to `data-mfe` and used as the reference-count key. */
  name: string
  /**
   * Absolute URLs, resolved by the caller against its own module URL
   * (`new URL(href, import.meta.url).href`); a relative href would resolve against the host
   * page instead.
   */
  hrefs: readonly string[]
  /** Defaults to the global `document`; pass `container.ownerDocument` from `mount`. */
  document?: Document
}

/**
 * What `injectStylesheets` resolves with once every link has settled.
 *
 * @example
 * const { failed }: InjectStylesheetsResult = await injectStylesheets(options)
 */
export interface InjectStylesheetsResult {
  loaded: string[]
  failed: string[]
}

interface Entry {
  count: number
  links: HTMLLinkElement[]
  ready: Promise<InjectStylesheetsResult>
  abandon: () => void
}

// Keyed by document so a module mounted into an iframe's document keeps separate counts.
const entriesByDocument = new WeakMap<Document, Map<string, Entry>>()

function entriesOf(document: Document): Map<string, Entry> {
  let entries = entriesByDocument.get(document)
  if (!entries) {
    entries = new Map()
    entriesByDocument.set(document, entries)
  }
  return entries
}

function createEntry(document: Document, name: string, hrefs: readonly string[]): Entry {
  const abandons: (() => void)[] = []
  const links = hrefs.map((href) => {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.dataset.mfe = name
    link.href = href
    return link
  })
  const settled = links.map(
    (link) =>
      new Promise<'loaded' | 'failed' | 'abandoned'>((resolve) => {
        // Listeners go on before the link is connected: some DOMs fire `load` synchronously.
        link.addEventListener('load', () => resolve('loaded'), { once: true })
        link.addEventListener('error', () => resolve('failed'), { once: true })
        abandons.push(() => resolve('abandoned'))
      })
  )
  document.head.append(...links)
  const ready = Promise.all(settled).then((outcomes) => ({
    loaded: hrefs.filter((_, index) => outcomes[index] === 'loaded'),
    failed: hrefs.filter((_, index) => outcomes[index] === 'failed'),
  }))
  return { count: 0, links, ready, abandon: () => abandons.forEach((abandon) => abandon()) }
}

/**
 * Module side: injects `<link rel="stylesheet" data-mfe="{name}">` for each href into the
 * document head and resolves when every link has loaded or failed. Calls are reference-counted
 * per name and document: only the first call adds links (later calls share its promise and
 * its hrefs), and `releaseStylesheets` removes them when the last reference goes, so two mounts
 * of one module share one set of links. It never rejects: a failed stylesheet is listed in
 * `failed`, and the caller decides whether unstyled content is acceptable (tests under
 * happy-dom, which loads no CSS by default, then still mount).
 *
 * @example
 * export async function mount(container: HTMLElement, ctx: MfeContext) {
 *   const hrefs = [new URL('./style.css', import.meta.url).href]
 *   await injectStylesheets({ name: 'customer-development', hrefs, document: container.ownerDocument })
 *   // ...create the app
 * }
 * export async function unmount(container: HTMLElement) {
 *   // ...destroy the app
 *   releaseStylesheets('customer-development', container.ownerDocument)
 * }
 */
export function injectStylesheets({
  name,
  hrefs,
  document = globalThis.document,
}: InjectStylesheetsOptions): Promise<InjectStylesheetsResult> {
  const entries = entriesOf(document)
  let entry = entries.get(name)
  if (!entry) {
    entry = createEntry(document, name, hrefs)
    entries.set(name, entry)
  }
  entry.count += 1
  return entry.ready
}

/**
 * Drops one reference taken by `injectStylesheets`; the last one removes the name's links.
 * Extra calls are ignored, so an `unmount` after a failed `mount` is harmless. Waits still
 * pending on removed links resolve (with those links in neither list).
 *
 * @example
 * releaseStylesheets('customer-development', container.ownerDocument)
 */
export function releaseStylesheets(name: string, document: Document = globalThis.document): void {
  const entries = entriesOf(document)
  const entry = entries.get(name)
  if (!entry) return
  entry.count -= 1
  if (entry.count > 0) return
  entries.delete(name)
  entry.links.forEach((link) => link.remove())
  entry.abandon()
}

/**
 * How many references `name` holds in `document`; 0 once released. For tests and diagnostics.
 *
 * @example
 * expect(countStylesheetReferences('customer-development', document)).toBe(0)
 */
export function countStylesheetReferences(
  name: string,
  document: Document = globalThis.document
): number {
  return entriesOf(document).get(name)?.count ?? 0
}

/**
 * Options of `preloadStylesheets`.
 *
 * @example
 * const options: PreloadStylesheetsOptions = { name: 'customer-development', hrefs, document }
 */
export interface PreloadStylesheetsOptions {
  /** The module's manifest name; kept in `data-mfe-preload` so the links can be traced. */
  name: string
  /** Absolute URLs. */
  hrefs: readonly string[]
  document: Document
}

function hasLinkTo(document: Document, href: string): boolean {
  return Array.from(document.querySelectorAll<HTMLLinkElement>('link[href]')).some(
    (link) => link.href === href && (link.rel === 'stylesheet' || link.rel === 'preload')
  )
}

/**
 * Host side: adds `<link rel="preload" as="style">` for each stylesheet, so the CSS downloads
 * while the entry is imported and the module's own `<link rel="stylesheet">` (see
 * `injectStylesheets`) finds it in the cache. Preloads are hints: they apply no styles, are
 * never awaited and stay in place, and an href already linked is skipped.
 *
 * @example
 * preloadStylesheets({ name: manifest.name, hrefs: cssUrls, document })
 */
export function preloadStylesheets({ name, hrefs, document }: PreloadStylesheetsOptions): void {
  for (const href of hrefs) {
    if (hasLinkTo(document, href)) continue
    const link = document.createElement('link')
    link.rel = 'preload'
    link.as = 'style'
    link.href = href
    link.dataset.mfePreload = name
    document.head.append(link)
  }
}

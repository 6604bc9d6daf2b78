import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  countStylesheetReferences,
  injectStylesheets,
  releaseStylesheets,
} from './inject-stylesheets'
import { preloadStylesheets } from './preload-stylesheets'

const STYLE = 'http://localhost:3000/mfe/cd/style.css'
const THEME = 'http://localhost:3000/mfe/cd/theme.css'

function mfeLinks(name: string): HTMLLinkElement[] {
  return Array.from(document.querySelectorAll<HTMLLinkElement>(`link[data-mfe="${name}"]`))
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('injectStylesheets', () => {
  it('injects one stylesheet link per href and resolves once they load', async () => {
    const result = await injectStylesheets({ name: 'inject-a', hrefs: [STYLE, THEME], document })
    const links = mfeLinks('inject-a')
    expect(result).toEqual({ loaded: [STYLE, THEME], failed: [] })
    expect(links.map((link) => [link.rel, link.href, link.parentNode])).toEqual([
      ['stylesheet', STYLE, document.head],
      ['stylesheet', THEME, document.head],
    ])
    releaseStylesheets('inject-a', document)
  })

  it('shares one set of links between references and removes it with the last release', async () => {
    await injectStylesheets({ name: 'inject-b', hrefs: [STYLE], document })
    await injectStylesheets({ name: 'inject-b', hrefs: [STYLE], document })
    expect(mfeLinks('inject-b')).toHaveLength(1)
    expect(countStylesheetReferences('inject-b', document)).toBe(2)
    releaseStylesheets('inject-b', document)
    expect(mfeLinks('inject-b')).toHaveLength(1)
    releaseStylesheets('inject-b', document)
    expect(mfeLinks('inject-b')).toHaveLength(0)
    expect(countStylesheetReferences('inject-b', document)).toBe(0)
  })

  it('counts each name separately', async () => {
    await injectStylesheets({ name: 'inject-c', hrefs: [STYLE], document })
    await injectStylesheets({ name: 'inject-d', hrefs: [STYLE], document })
    releaseStylesheets('inject-c', document)
    expect(mfeLinks('inject-c')).toHaveLength(0)
    expect(mfeLinks('inject-d')).toHaveLength(1)
    releaseStylesheets('inject-d', document)
  })

  it('ignores releases beyond the references taken', async () => {
    releaseStylesheets('never-injected', document)
    await injectStylesheets({ name: 'inject-e', hrefs: [STYLE], document })
    releaseStylesheets('inject-e', document)
    releaseStylesheets('inject-e', document)
    await injectStylesheets({ name: 'inject-e', hrefs: [STYLE], document })
    expect(countStylesheetReferences('inject-e', document)).toBe(1)
    expect(mfeLinks('inject-e')).toHaveLength(1)
    releaseStylesheets('inject-e', document)
  })

  it('lists a stylesheet that fails to load instead of rejecting', async () => {
    const other = document.implementation.createHTMLDocument('offline')
    vi.spyOn(other.head, 'append').mockImplementation((...nodes) => {
      nodes.forEach((node) => (node as Node).dispatchEvent(new Event('error')))
    })
    const result = await injectStylesheets({ name: 'inject-f', hrefs: [STYLE], document: other })
    expect(result).toEqual({ loaded: [], failed: [STYLE] })
    releaseStylesheets('inject-f', other)
  })

  it('settles a pending wait when the last reference is released before loading', async () => {
    const other = document.implementation.createHTMLDocument('slow')
    // Links kept out of the document never load, so the wait stays pending until released.
    vi.spyOn(other.head, 'append').mockImplementation(() => undefined)
    const pending = injectStylesheets({ name: 'inject-g', hrefs: [STYLE], document: other })
    releaseStylesheets('inject-g', other)
    await expect(pending).resolves.toEqual({ loaded: [], failed: [] })
    expect(countStylesheetReferences('inject-g', other)).toBe(0)
  })

  it('keeps counts per document', async () => {
    const other = document.implementation.createHTMLDocument('iframe')
    await injectStylesheets({ name: 'inject-h', hrefs: [STYLE], document: other })
    expect(countStylesheetReferences('inject-h', document)).toBe(0)
    expect(other.querySelectorAll('link[data-mfe="inject-h"]')).toHaveLength(1)
    releaseStylesheets('inject-h', other)
    expect(other.querySelectorAll('link[data-mfe]')).toHaveLength(0)
  })
})

describe('preloadStylesheets', () => {
  it('adds one preload link per stylesheet not yet linked', () => {
    const doc = document.implementation.createHTMLDocument('host')
    preloadStylesheets({ name: 'cd', hrefs: [STYLE, THEME], document: doc })
    preloadStylesheets({ name: 'cd', hrefs: [STYLE], document: doc })
    const links = Array.from(doc.querySelectorAll<HTMLLinkElement>('link'))
    expect(links.map((link) => [link.rel, link.getAttribute('as'), link.href])).toEqual([
      ['preload', 'style', STYLE],
      ['preload', 'style', THEME],
    ])
  })

  it('skips a stylesheet the page already links', async () => {
    await injectStylesheets({ name: 'preload-a', hrefs: [STYLE], document })
    preloadStylesheets({ name: 'preload-a', hrefs: [STYLE], document })
    expect(document.querySelectorAll('link[rel="preload"]')).toHaveLength(0)
    releaseStylesheets('preload-a', document)
  })
})

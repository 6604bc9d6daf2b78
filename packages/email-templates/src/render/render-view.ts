import { plainTextSelectors, render } from '@vue-email/render'
import type { Component } from 'vue'

/**
 * Options of the HTML-to-text conversion. Chosen so the text part is a faithful copy of the HTML
 * and so each per-recipient value converts on its own (which the fast path relies on):
 * - `wordwrap: false`: no hard wrapping, because where a line breaks would depend on the length
 *   of partner text; mail clients soft-wrap and quoted-printable keeps wire lines short;
 * - headings keep their case (the converter's default upper-cases them);
 * - a link whose text is the URL itself is printed once, not twice.
 */
const TEXT_OPTIONS = {
  plainText: true,
  htmlToTextOptions: {
    wordwrap: false,
    selectors: [
      // Typed `any` here (their types package is not installed); kept first so ours win.
      ...(plainTextSelectors as readonly object[]),
      { selector: 'a', options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
      ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
    ],
  },
} as const

/**
 * Renders one email component to its HTML and plain-text parts. Each call builds its own Vue
 * SSR app (through `@vue-email/render`), so nothing is shared between recipients.
 *
 * @example
 * const { html, text } = await renderView(RenewalRequestEmail, { lang: 'en', subject, body })
 */
export async function renderView(
  component: Component,
  props: Readonly<Record<string, string>>
): Promise<{ html: string; text: string }> {
  // @vue-email/render types its props from the component; ours are checked by the specs instead.
  const anyProps = props as never
  const [html, text] = await Promise.all([
    render(component, anyProps),
    render(component, anyProps, TEXT_OPTIONS),
  ])
  return { html, text }
}

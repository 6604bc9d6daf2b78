import { cleanup, plainTextSelectors } from '@vue-email/render'
import { compile, type HtmlToTextOptions } from 'html-to-text'
import { createSSRApp, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'

/**
 * Options of the HTML-to-text conversion. Chosen so the text part is a faithful copy of the HTML
 * and so each per-recipient value converts on its own (which the fast path relies on):
 * - `wordwrap: false`: no hard wrapping, because where a line breaks would depend on the length
 *   of partner text; mail clients soft-wrap and quoted-printable keeps wire lines short;
 * - headings keep their case (the converter's default upper-cases them);
 * - a link whose text is the URL itself is printed once, not twice.
 */
const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    // Kept first so ours win (html-to-text merges selectors by name, later ones override).
    ...plainTextSelectors,
    { selector: 'a', options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
  ],
}

/**
 * The converter, compiled once per process. `convert()` (what `@vue-email/render` calls per
 * render) merges the options and builds the selector tree on every call, which cost more than
 * the Vue render itself (measured-limits.md: about 1.3 ms per email).
 */
const toPlainText = compile(TEXT_OPTIONS)

/** What `@vue-email/render` puts before the cleaned markup; kept so the bytes stay the same. */
const DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'

/**
 * Renders one email component to its HTML and plain-text parts from a single SSR render: the
 * HTML exactly as `@vue-email/render`'s `render()` builds it (doctype + `cleanup(markup)`), the
 * text converted from the same raw markup as its `plainText` option does, with a converter built
 * once. Each call builds its own Vue SSR app, so nothing is shared between recipients.
 *
 * @example
 * const { html, text } = await renderView(RenewalRequestEmail, { lang: 'en', subject, body })
 */
export async function renderView(
  component: Component,
  props: Readonly<Record<string, string>>
): Promise<{ html: string; text: string }> {
  const markup = await renderToString(createSSRApp(component, { ...props }))
  return { html: `${DOCTYPE}${cleanup(markup)}`, text: toPlainText(markup) }
}

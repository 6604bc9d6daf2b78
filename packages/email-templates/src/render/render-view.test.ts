import { plainTextSelectors, render } from '@vue-email/render'
import fc from 'fast-check'
import type { HtmlToTextOptions } from 'html-to-text'
import { describe, expect, it } from 'vitest'
import { LINK, POLICY, invitation } from '../testing/fixtures.js'
import type { AssociationType, Locale } from '../types.js'
import { renderView } from './render-view.js'
import { specFor } from './template-specs.js'

// The options render-view.ts used to hand to @vue-email/render, kept here as the reference.
const REFERENCE_TEXT_OPTIONS: { plainText: true; htmlToTextOptions: HtmlToTextOptions } = {
  plainText: true,
  htmlToTextOptions: {
    wordwrap: false,
    selectors: [
      ...plainTextSelectors,
      { selector: 'a', options: { linkBrackets: false, hideLinkHrefIfSameAsText: true } },
      ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({
        selector,
        options: { uppercase: false },
      })),
    ],
  },
}

/** The HTML and text as @vue-email/render builds them: two renders, options compiled per call. */
async function referenceRender(locale: Locale, type: AssociationType, customerName: string) {
  const spec = specFor('invitation', locale)
  const origin = new URL(POLICY.origin).origin
  const { variant, slots } = spec.prepare(
    invitation({ associationType: type, customerName, link: LINK }),
    locale,
    origin
  )
  const view = spec.view(locale, variant, slots)
  const props = view.props as never
  const [html, text] = await Promise.all([
    render(spec.component, props),
    render(spec.component, props, REFERENCE_TEXT_OPTIONS),
  ])
  return { view, html, text }
}

describe('renderView', () => {
  it('produces the same html and text as @vue-email/render for generated customer names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Locale>('en', 'zh-CN'),
        fc.constantFrom<AssociationType>('reseller', 'referral'),
        fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('<b>x</b> & "y"', '  two  spaces ')),
        async (locale, type, name) => {
          const reference = await referenceRender(locale, type, name)
          const ours = await renderView(
            specFor('invitation', locale).component,
            reference.view.props
          )
          expect(ours.html).toBe(reference.html)
          expect(ours.text).toBe(reference.text)
        }
      ),
      { numRuns: 60 }
    )
    // Sixty full renders through @vue-email/render take about 2 s on an idle core and timed out at
    // the 5 s default when both cores were busy: the bound is the work, not a speed claim.
  }, 60_000)
})

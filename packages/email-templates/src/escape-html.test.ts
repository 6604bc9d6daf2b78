import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { escapeHtml } from './escape-html.js'

/** How Vue's SSR writes `text` as an attribute (never empty, Vue drops those) and as text. */
async function vueEscapes(text: string): Promise<string> {
  const html = await renderToString(
    createSSRApp({ render: () => h('p', { title: `x${text}` }, text) })
  )
  return html
}

describe('escapeHtml', () => {
  it('escapes the five characters Vue escapes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
    )
  })

  it('matches Vue SSR escaping of text and attributes for any string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[<>&"'a =;#x0-9]*$/)),
        async (text) => {
          const escaped = escapeHtml(text)
          expect(await vueEscapes(text)).toBe(`<p title="x${escaped}">${escaped}</p>`)
        }
      ),
      { numRuns: 300 }
    )
  })
})

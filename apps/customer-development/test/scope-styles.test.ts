import { describe, expect, it } from 'vitest'
import { scopeCss } from '../vite-scope-styles'

describe('scopeCss: the module stylesheet reaches nothing outside the module root', () => {
  it("moves Element Plus's :root variables onto the root, with no specificity", () => {
    expect(scopeCss(':root{--cd-el-color-primary:#409eff}', 'a.css')).toBe(
      ':where(.pc-customer-development){--cd-el-color-primary:#409eff}'
    )
  })

  it('puts every other selector of a list below the root, inside at-rules too', () => {
    const css = '.cd-el-button,.v-modal-enter{color:red}@media (max-width:600px){.x .y{top:0}}'
    expect(scopeCss(css, 'a.css')).toBe(
      ':where(.pc-customer-development) .cd-el-button,:where(.pc-customer-development) .v-modal-enter{color:red}' +
        '@media (max-width:600px){:where(.pc-customer-development) .x .y{top:0}}'
    )
  })

  it('keeps rules that already start at the root, and scopes look-alike class names', () => {
    const css =
      '.pc-customer-development{all:initial}.pc-customer-development .cd-el-button--primary{top:0}' +
      '.pc-customer-development-other{top:1px}'
    expect(scopeCss(css, 'a.css')).toBe(
      '.pc-customer-development{all:initial}.pc-customer-development .cd-el-button--primary{top:0}' +
        ':where(.pc-customer-development) .pc-customer-development-other{top:1px}'
    )
  })

  it('prefixes keyframes, which are global to the document, and every animation naming them', () => {
    const css =
      '@keyframes rotating{from{opacity:0}to{opacity:1}}' +
      '.a{animation:rotating 2s linear infinite}.b{animation-name:rotating,cd-el-kept}' +
      '.c{animation:rotating-slow 1s}'
    expect(scopeCss(css, 'a.css')).toBe(
      '@keyframes cd-el-rotating{from{opacity:0}to{opacity:1}}' +
        ':where(.pc-customer-development) .a{animation:cd-el-rotating 2s linear infinite}' +
        ':where(.pc-customer-development) .b{animation-name:cd-el-rotating,cd-el-kept}' +
        ':where(.pc-customer-development) .c{animation:rotating-slow 1s}'
    )
  })

  it('refuses a rule for html or body, naming the file and the selector', () => {
    expect(() => scopeCss('body{margin:0}', 'assets/x.css')).toThrow(
      'assets/x.css: the global selector "body" cannot be scoped to the module'
    )
    expect(() => scopeCss('html.dark{color:#fff}', 'x.css')).toThrow('"html.dark"')
  })
})

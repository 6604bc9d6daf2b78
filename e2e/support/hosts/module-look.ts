import { expect, type Locator } from '@playwright/test'

/**
 * Asserts that the module keeps its own look in a host whose page sets another font, line
 * height, letter spacing and Element Plus theme (host-chrome.ts): the values its root sets
 * (apps/customer-development/src/styles/theme.css) and its primary colour on its primary button.
 */
export async function expectModuleLook(module: Locator): Promise<void> {
  const look = await module.evaluate((root) => {
    const rootStyle = getComputedStyle(root)
    const primary = root.querySelector('[data-testid="preregister-button"]')
    return {
      fontFamily: rootStyle.fontFamily,
      fontSize: rootStyle.fontSize,
      lineHeight: rootStyle.lineHeight,
      letterSpacing: rootStyle.letterSpacing,
      primaryButton: primary ? getComputedStyle(primary).backgroundColor : 'no primary button',
    }
  })
  expect(look).toEqual({
    fontFamily: `"Helvetica Neue", Arial, "PingFang SC", "Noto Sans CJK SC", sans-serif`,
    fontSize: '13px',
    lineHeight: 'normal',
    letterSpacing: 'normal',
    primaryButton: 'rgb(0, 100, 230)',
  })
}

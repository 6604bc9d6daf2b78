import type { Page } from '@playwright/test'

/** A language of the console and the portal, with the label their language selects show. */
export interface E2eLocale {
  code: 'en' | 'zh-CN'
  label: 'English' | '简体中文'
}

/** Every language the product speaks; specs that must hold in each one loop over these. */
export const LOCALES: readonly E2eLocale[] = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
]

/**
 * Opens every later page of the shell in `code`, as a browser that chose it on an earlier visit
 * would (the shell remembers the language in localStorage). Call before the first navigation.
 */
export async function rememberShellLocale(page: Page, code: E2eLocale['code']): Promise<void> {
  await page.addInitScript((value) => {
    localStorage.setItem('partner-center.locale', value)
  }, code)
}

import { expect, type Page } from '@playwright/test'

/** The demo password of every seeded user (domain.md §10). */
export const DEMO_PASSWORD = 'Passw0rd!demo'

/**
 * Signs in through the shell's sign-in page, as a person would, in English or in Chinese (a
 * spec may have chosen the language before, see `rememberShellLocale`).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in')
  await page.getByLabel(/^(Email|邮箱)$/).fill(email)
  await page.getByLabel(/^(Password|密码)$/).fill(password)
  const submit = page.getByRole('button', { name: /^(Sign in|登录)$/ })
  const answer = page.waitForResponse((response) => response.url().endsWith('/auth/sign-in'))
  await submit.click()
  // R59: two specs signing one demo user in at the same instant, from an address it never
  // signed in from, share one attempt slot, and the later one is told to wait (429 with
  // Retry-After). A person would try again after the wait; only that refusal is retried.
  const first = await answer
  if (first.status() === 429) {
    await page.waitForTimeout(Number(first.headers()['retry-after'] ?? 1) * 1_000)
    await submit.click()
  }
  await expect(page).not.toHaveURL(/sign-in/)
}

import { expect, type Page } from '@playwright/test'

/** The demo password of every seeded user (domain.md §10). */
export const DEMO_PASSWORD = 'Passw0rd!demo'

/** Signs in through the shell's sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/sign-in/)
}

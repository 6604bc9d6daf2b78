import { expect, type Locator, type Page } from '@playwright/test'
import { signIn } from './sign-in'

/** Where the Customer Development module lives in the console (domain.md §9.1). */
export const CUSTOMER_DEVELOPMENT_PATH = '/sales/leads/customer-development'

/**
 * Signs in and opens the Customer Development page; resolves with the module root once its
 * list is shown (first load finished).
 */
export async function openCustomerDevelopment(page: Page, email: string): Promise<Locator> {
  await signIn(page, email)
  await page.goto(CUSTOMER_DEVELOPMENT_PATH)
  const module = page.getByTestId('customer-development')
  // The first list answer can take a while on a busy machine (the API seeds on start).
  await expect(module.getByTestId('preregistration-table')).toBeVisible({ timeout: 30_000 })
  return module
}

/** Switches the shell's language select (the module follows through `update({ locale })`). */
export async function switchLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  // Element Plus draws the selected label over the input; click through it.
  await page.getByRole('combobox', { name: /Language|语言/ }).click({ force: true })
  await page.getByRole('option', { name: label }).click()
}

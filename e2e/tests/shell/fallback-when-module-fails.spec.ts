import { expect, test } from '@playwright/test'
import { signIn } from '../../support/sign-in'

test('the shell shows a fallback panel when the module cannot load, keeps working and retries', async ({
  page,
}) => {
  await signIn(page, 'admin@acme.example')
  await page.route('**/mfe/customer-development/manifest.json', (route) =>
    route.fulfill({ status: 503, body: 'down' })
  )
  await page.goto('/sales/leads/customer-development')
  const fallback = page.getByTestId('mfe-fallback')
  await expect(fallback).toBeVisible()
  await expect(fallback).toContainText('Customer Development is unavailable right now.')

  // The console around the slot still works.
  await page.getByRole('link', { name: 'Partner Center' }).click()
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible()

  await page.unroute('**/mfe/customer-development/manifest.json')
  await page.goto('/sales/leads/customer-development')
  await expect(page.getByTestId('customer-development')).toBeVisible()
})

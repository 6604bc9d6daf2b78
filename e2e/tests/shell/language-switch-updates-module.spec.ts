import { expect, test } from '@playwright/test'
import { openCustomerDevelopment, switchLanguage } from '../../support/customer-development'

test('switching the shell language updates the module in place, without a remount', async ({
  page,
}) => {
  // Sign-in, first module load and two switches: near the default budget on a busy machine.
  test.slow()
  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))
  const module = await openCustomerDevelopment(page, 'admin@acme.example')
  await expect(module.getByRole('heading', { name: 'Customer Development' })).toBeVisible()

  // Mark the module's root node: a remount would replace it and lose the mark.
  await module.evaluate((root) => {
    root.dataset.e2eIdentity = 'first-mount'
  })
  const manifestLoads: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/mfe/customer-development/manifest.json')) {
      manifestLoads.push(request.url())
    }
  })

  await switchLanguage(page, '简体中文')
  await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible()
  await expect(module).toHaveAttribute('lang', 'zh-CN')
  await expect(module).toHaveAttribute('data-e2e-identity', 'first-mount')

  await switchLanguage(page, 'English')
  await expect(module.getByRole('heading', { name: 'Customer Development' })).toBeVisible()
  await expect(module).toHaveAttribute('data-e2e-identity', 'first-mount')
  await expect(page.getByTestId('customer-development')).toHaveCount(1)
  expect(manifestLoads).toEqual([])
  expect(uncaught).toEqual([])
})

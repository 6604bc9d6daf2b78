import { expect, test, type Page } from '@playwright/test'
import { e2eEnv } from '../../env'
import { partnerWithPreregisteredCustomer } from '../../support/customer-development'
import { SINGLE_SPA_MODULE_ROUTE, startSingleSpaHost } from '../../support/single-spa-host'

const { ports } = e2eEnv
const MODULE = `http://localhost:${ports.mfe}/mfe/customer-development`
// The API itself, across origins: the host page is on 127.0.0.1, allowed by CORS_ALLOWED_ORIGINS.
const API = `http://localhost:${ports.api}/api`

interface HostWindow {
  host: {
    ready?: boolean
    token: string
    locale: 'en' | 'zh-CN'
    unauthorized: number
    navigateToUrl: (to: string) => void
  }
}

/** Moves the host's single-spa router, as a link in the host's navigation would. */
async function navigateHost(page: Page, to: string) {
  await page.evaluate((to) => (window as unknown as HostWindow).host.navigateToUrl(to), to)
}

test('a single-spa root config on another origin mounts the module, unmounts it when leaving its route and mounts it again in Chinese', async ({
  page,
  request,
}) => {
  // A partner of its own with one fresh customer; its admin's token comes from the API sign-in.
  const { token, email } = await partnerWithPreregisteredCustomer(request, {
    customerName: 'Spa Host Ltd',
    label: 'spa',
  })
  const manifest = (await (await request.get(`${MODULE}/manifest.json`)).json()) as {
    adapters?: { singleSpa?: string }
  }
  expect(manifest.adapters?.singleSpa).toMatch(/^\.\/single-spa-.+\.js$/)
  const entryUrl = new URL(manifest.adapters!.singleSpa!, `${MODULE}/manifest.json`).href

  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))
  const host = await startSingleSpaHost({ entryUrl, apiBaseUrl: API })
  try {
    await page.goto(host.url('/'))
    await page.waitForFunction(() => (window as unknown as HostWindow).host?.ready === true)
    await page.evaluate((token) => {
      ;(window as unknown as HostWindow).host.token = token
    }, token)
    const container = page.locator('#module-container')
    await expect(container).toBeEmpty()

    // Entering the route: single-spa imports the entry and mounts it into props.domElement.
    await navigateHost(page, SINGLE_SPA_MODULE_ROUTE)
    const module = container.getByTestId('customer-development')
    const table = module.getByTestId('preregistration-table')
    await expect(table).toBeVisible({ timeout: 30_000 })
    await expect(module).toHaveAttribute('lang', 'en')
    const rows = table.locator('.el-table__body tr.el-table__row')
    await expect(rows).toHaveCount(1)
    await expect(rows).toContainText('S***')

    // The eye on the Email header reveals the column through the API.
    await table.getByRole('button', { name: 'Show Email' }).click()
    await expect(table.getByText(email)).toBeVisible()

    // The Invite dialog and its email preview open inside the module's root.
    await table.getByTestId('row-invite').click()
    const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
    await expect(dialog.getByTestId('invite-rows')).toContainText('S***')
    await expect(module.locator('[role="dialog"]').first()).toBeVisible()
    await dialog.getByTestId('preview-email').click()
    const preview = page.getByRole('dialog', { name: 'Email Preview' })
    await expect(preview.getByTestId('preview-subject')).toContainText(
      'invites you to connect your Example Cloud account'
    )
    await preview.getByRole('button', { name: 'Close this dialog' }).click()
    await expect(preview).toBeHidden()
    await dialog.getByRole('button', { name: 'Close this dialog' }).click()
    await expect(dialog).toBeHidden()

    // Leaving the route: single-spa unmounts; nothing of the module stays in the page.
    await navigateHost(page, '/elsewhere')
    await expect(container).toBeEmpty()
    await expect(page.locator('.pc-customer-development')).toHaveCount(0)
    await expect(page.locator('link[data-mfe]')).toHaveCount(0)

    // Back, with the host now in Chinese: the next mount reads the new locale from the props.
    await page.evaluate(() => {
      ;(window as unknown as HostWindow).host.locale = 'zh-CN'
    })
    await navigateHost(page, SINGLE_SPA_MODULE_ROUTE)
    await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible({ timeout: 30_000 })
    await expect(module).toHaveAttribute('lang', 'zh-CN')
    await expect(table.getByText('已报备').first()).toBeVisible()
    await expect(container.getByTestId('customer-development')).toHaveCount(1)

    expect(await page.evaluate(() => (window as unknown as HostWindow).host.unauthorized)).toBe(0)
    expect(uncaught).toEqual([])
  } finally {
    await host.close()
  }
})

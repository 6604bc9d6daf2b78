import { expect, test, type Page } from '@playwright/test'
import { partnerWithPreregisteredCustomer } from '../../support/customer-development'
import {
  expectNoLeaksOver,
  expectSameHostLook,
  installTimerProbe,
  snapshotHostLook,
} from '../../support/hosts/host-isolation'
import { adapterEntryUrl, HOST_API_BASE } from '../../support/hosts/module-adapters'
import { expectModuleLook } from '../../support/hosts/module-look'
import { SINGLE_SPA_MODULE_ROUTE, startSingleSpaHost } from '../../support/hosts/single-spa-host'

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
  const entryUrl = await adapterEntryUrl(request, 'singleSpa', /^\.\/single-spa-.+\.js$/)

  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))
  const host = await startSingleSpaHost({ entryUrl, apiBaseUrl: HOST_API_BASE })
  try {
    await installTimerProbe(page)
    await page.goto(host.url('/'))
    await page.waitForFunction(() => (window as unknown as HostWindow).host?.ready === true)
    const hostLook = await snapshotHostLook(page)
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
    const rows = table.locator('tbody tr')
    await expect(rows).toHaveCount(1)
    await expect(rows).toContainText('S***')
    expectSameHostLook(await snapshotHostLook(page), hostLook, 'while the module is mounted')
    await expectModuleLook(module)

    // The eye on the Email header reveals the column through the API.
    await table.getByRole('button', { name: 'Show Email' }).click()
    await expect(table.getByText(email)).toBeVisible()

    // The Invite dialog and its email preview open inside the module's root.
    await table.getByTestId('row-invite').click()
    const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
    await expect(dialog.getByTestId('invite-rows')).toContainText('S***')
    await expect(module.locator('[role="dialog"]').first()).toBeVisible()
    expectSameHostLook(await snapshotHostLook(page), hostLook, "with the module's dialog open")
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
    expectSameHostLook(await snapshotHostLook(page), hostLook, 'after unmount')

    // Back, with the host now in Chinese: the next mount reads the new locale from the props.
    await page.evaluate(() => {
      ;(window as unknown as HostWindow).host.locale = 'zh-CN'
    })
    await navigateHost(page, SINGLE_SPA_MODULE_ROUTE)
    await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible({ timeout: 30_000 })
    await expect(module).toHaveAttribute('lang', 'zh-CN')
    await expect(table.getByText('已报备').first()).toBeVisible()
    await expect(container.getByTestId('customer-development')).toHaveCount(1)

    // Ten more times out and in: nothing of the module accumulates in the page.
    await expectNoLeaksOver(page, async () => {
      await navigateHost(page, '/elsewhere')
      await expect(container).toBeEmpty()
      await navigateHost(page, SINGLE_SPA_MODULE_ROUTE)
      await expect(rows).toHaveCount(1, { timeout: 30_000 })
    })

    expect(await page.evaluate(() => (window as unknown as HostWindow).host.unauthorized)).toBe(0)
    expect(uncaught).toEqual([])
  } finally {
    await host.close()
  }
})

test('the host-look check sees a style that leaks out of a module: a global button rule, a :root variable', async ({
  page,
}) => {
  // The check the tests above rely on must be able to fail: a module stylesheet that was not
  // scoped (a bare `button {}` rule, Element Plus's `:root` variables) changes the host's look.
  const host = await startSingleSpaHost({ entryUrl: 'about:blank', apiBaseUrl: HOST_API_BASE })
  try {
    await page.goto(host.url('/elsewhere'))
    const hostLook = await snapshotHostLook(page)
    for (const leak of [
      'button { letter-spacing: 3px }',
      ':root { --el-color-primary: #409eff }',
    ]) {
      await page.addStyleTag({ content: leak })
      expect(() => expectSameHostLook(hostLook, hostLook, 'unchanged')).not.toThrow()
      const leaked = await snapshotHostLook(page)
      expect(() => expectSameHostLook(leaked, hostLook, `with "${leak}"`)).toThrow()
      await page
        .locator('style')
        .last()
        .evaluate((style) => style.remove())
      expectSameHostLook(await snapshotHostLook(page), hostLook, `once "${leak}" is gone`)
    }
  } finally {
    await host.close()
  }
})

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
import { REACT_MODULE_ROUTE, startReactHost } from '../../support/hosts/react-host'

interface HostWindow {
  host: {
    ready: boolean
    token: string
    navigations: { to: string; replace: boolean }[]
    errors: { phase: string; message: string }[]
    unauthorized: number
  }
}

const hostState = (page: Page) =>
  page.evaluate(() => {
    const { navigations, errors, unauthorized } = (window as unknown as HostWindow).host
    return { navigations, errors, unauthorized }
  })

test('a React 19 host on another origin uses <customer-development-module>: token, list, popups, language, unmount and mount, without restyling the host or leaking', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000)
  const { token, email } = await partnerWithPreregisteredCustomer(request, {
    customerName: 'React Host Ltd',
    label: 'react',
  })
  const entryUrl = await adapterEntryUrl(request, 'customElement', /^\.\/custom-element-.+\.js$/)

  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))
  const host = await startReactHost({ entryUrl, apiBaseUrl: HOST_API_BASE })
  try {
    await installTimerProbe(page)
    await page.goto(host.url(REACT_MODULE_ROUTE))
    await page.waitForFunction(() => (window as unknown as HostWindow).host?.ready === true)
    await page.evaluate((token) => {
      ;(window as unknown as HostWindow).host.token = token
    }, token)
    const slot = page.locator('#module-slot')
    await expect(slot).toBeEmpty()
    const lookBefore = await snapshotHostLook(page)

    // React state mounts the element; the token getter went in through a ref, as a property.
    const toggle = page.getByRole('button', { name: /^(Mount|Unmount) module$/ })
    await page.getByRole('button', { name: 'Mount module' }).click()
    const element = slot.locator('customer-development-module')
    const module = element.getByTestId('customer-development')
    const table = module.getByTestId('preregistration-table')
    await expect(table).toBeVisible({ timeout: 30_000 })
    await expect(element).toHaveAttribute('base-path', REACT_MODULE_ROUTE)
    await expect(element).toHaveAttribute('api-base-url', HOST_API_BASE)
    await expect(module).toHaveAttribute('lang', 'en')
    const row = table.getByRole('row').filter({ hasText: 'R***' })
    await expect(row).toHaveCount(1)
    expectSameHostLook(await snapshotHostLook(page), lookBefore, 'while the module is mounted')
    // …and the host's theme (another font, primary colour, `.el-button` rule) stays out of the module.
    await expectModuleLook(module)

    // The eye on the Email header reveals the column through the API.
    await table.getByRole('button', { name: 'Show Email' }).click()
    await expect(table.getByText(email)).toBeVisible()

    // A tooltip: the row's creation time shows UTC on keyboard focus, inside the element.
    await row.getByTestId('local-time').first().focus()
    const tooltip = element.getByRole('tooltip')
    await expect(tooltip).toBeVisible()
    await expect(tooltip).toContainText('UTC')
    await row.getByTestId('local-time').first().blur()
    await expect(tooltip).toBeHidden()

    // The module's help link asks the host to navigate (a cancelable DOM event); this host
    // routes itself, and the module follows the path it pushed.
    await module.getByRole('button', { name: 'Show the process flowchart' }).click()
    await module.getByTestId('help-link').first().click()
    await expect(page).toHaveURL(host.url(`${REACT_MODULE_ROUTE}/help`))
    await module.getByTestId('help-back').click()
    await expect(page).toHaveURL(host.url(REACT_MODULE_ROUTE))
    await expect(table).toBeVisible()

    // The status multi-select of the toolbar: pick, and a click elsewhere closes it.
    const lists: string[] = []
    page.on('request', (sent) => {
      if (sent.url().includes('/customer-development/preregistrations?')) lists.push(sent.url())
    })
    await module.getByTestId('status-filter').click()
    await element.getByRole('option', { name: 'Pre-registered', exact: true }).click()
    await expect.poll(() => lists.at(-1)).toContain('status=PRE_REGISTERED')
    await module.getByRole('heading', { level: 1 }).click()
    await expect(element.getByRole('listbox')).toBeHidden()
    await expect(row).toHaveCount(1)

    // The page-size select (Element Plus draws the selected label over its input: click through).
    await module.getByRole('combobox', { name: 'Rows per page' }).click({ force: true })
    await element.getByRole('option', { name: '50/page' }).click()
    await expect.poll(() => lists.at(-1)).toContain('pageSize=50')
    await expect(element.getByRole('option', { name: '50/page' })).toBeHidden()

    // A message box: the row's Delete asks first, inside the element; Cancel keeps the row.
    await row.getByTestId('row-delete').click()
    const confirm = page.getByRole('dialog', { name: 'Delete' })
    await expect(confirm).toContainText('Delete this pre-registration?')
    await expect(element.getByRole('dialog', { name: 'Delete' })).toBeVisible()
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    await expect(row).toHaveCount(1)

    // The Invite dialog and its email preview open inside the element; the host's look holds.
    await row.getByTestId('row-invite').click()
    const dialog = element.getByRole('dialog', { name: 'Invite Customers' })
    await expect(dialog.getByTestId('invite-rows')).toContainText('R***')
    expectSameHostLook(await snapshotHostLook(page), lookBefore, 'with the Invite dialog open')
    await dialog.getByTestId('preview-email').click()
    const preview = element.getByRole('dialog', { name: 'Email Preview' })
    await expect(preview.getByTestId('preview-subject')).toContainText(
      'invites you to connect your Example Cloud account'
    )
    // The Preview-for select: pick the row's option; the list closes on the pick.
    await preview.getByRole('combobox', { name: 'Preview for' }).click({ force: true })
    const previewOption = preview.getByRole('option', { name: /^R\*\*\*/ })
    await previewOption.click()
    await expect(previewOption).toBeHidden()
    await expect(preview.getByTestId('preview-subject')).toContainText('Example Cloud')
    await preview.getByRole('button', { name: 'Close this dialog' }).click()
    await expect(preview).toBeHidden()
    await dialog.getByRole('button', { name: 'Close this dialog' }).click()
    await expect(dialog).toBeHidden()

    // The host switches language: the element's locale property changes, the same root updates.
    await module.evaluate((root) => root.setAttribute('data-first-root', ''))
    await page.getByRole('combobox', { name: 'Host language' }).selectOption('zh-CN')
    await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible()
    await expect(module).toHaveAttribute('lang', 'zh-CN')
    await expect(element).toHaveAttribute('locale', 'zh-CN')
    await expect(module).toHaveAttribute('data-first-root', '')

    // Unmount through React state: nothing of the module stays, and the host looks as before.
    await toggle.click()
    await expect(slot).toBeEmpty()
    await expect(page.locator('.pc-customer-development')).toHaveCount(0)
    await expect(page.locator('link[data-mfe]')).toHaveCount(0)
    expectSameHostLook(await snapshotHostLook(page), lookBefore, 'after unmount')

    // Mount again: the host is still in Chinese, so the new mount is too.
    await toggle.click()
    await expect(table.getByText('已报备').first()).toBeVisible({ timeout: 30_000 })
    await expect(module).toHaveAttribute('lang', 'zh-CN')
    await expect(module).not.toHaveAttribute('data-first-root')

    // Ten more unmount/mount cycles leave no node, listener, stylesheet or timer behind.
    // expectNoLeaksOver prints the figures it compares.
    await expectNoLeaksOver(
      page,
      async () => {
        await toggle.click()
        await expect(slot).toBeEmpty()
        await toggle.click()
        await expect(table.getByRole('row').filter({ hasText: 'R***' })).toHaveCount(1, {
          timeout: 30_000,
        })
      },
      10
    )

    expect(await hostState(page)).toEqual({
      navigations: [
        { to: `${REACT_MODULE_ROUTE}/help`, replace: false },
        { to: REACT_MODULE_ROUTE, replace: false },
      ],
      errors: [],
      unauthorized: 0,
    })
    expect(uncaught).toEqual([])
  } finally {
    await host.close()
  }
})

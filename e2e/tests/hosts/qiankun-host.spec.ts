import { expect, test, type Page } from '@playwright/test'
import { partnerWithPreregisteredCustomer } from '../../support/customer-development'
import {
  expectNoLeaksOver,
  expectSameHostLook,
  installTimerProbe,
  snapshotHostLook,
} from '../../support/hosts/host-isolation'
import { adapterEntryUrl, HOST_API_BASE } from '../../support/hosts/module-adapters'
import { startQiankunHost } from '../../support/hosts/qiankun-host'

interface HostWindow {
  host: {
    ready?: boolean
    elementPlusVersion: string
    token: string
    unauthorized: number
    events: { name: string; detail: unknown }[]
    mount(): Promise<void>
    unmount(): Promise<void>
    setLocale(locale: 'en' | 'zh-CN'): Promise<void>
  }
}

/** Runs one of the host's actions (its navigation would), awaiting qiankun's promise. */
async function hostAction(page: Page, action: 'mount' | 'unmount') {
  await page.evaluate((action) => (window as unknown as HostWindow).host[action](), action)
}

/**
 * The host's look at rest: no hover or focus styles (the pointer off every sample, nothing
 * focused), so snapshots differ only if styles do.
 */
async function restingHostLook(page: Page) {
  await page.mouse.move(0, 0)
  await page.evaluate(() => {
    // Focus inside the module (its dialog's focus trap) is the module's business.
    const focused = document.activeElement
    if (focused instanceof HTMLElement && !focused.closest('#module-container')) focused.blur()
  })
  // The host's transitions out of hover and focus run to their end (events, not a delay).
  await page.evaluate(async () => {
    const hostAnimations = document.getAnimations().filter((animation) => {
      const target = (animation.effect as KeyframeEffect | null)?.target
      return !target?.closest('#module-container')
    })
    await Promise.all(hostAnimations.map((animation) => animation.finished))
  })
  return snapshotHostLook(page)
}

/** The body's children (tag, id and class): the module may leave none of its own there. */
function bodyChildren(page: Page) {
  return page.evaluate(() =>
    Array.from(document.body.children, (child) => `${child.tagName}#${child.id}.${child.className}`)
  )
}

/** The background colour of an element, as Chromium paints it. */
function background(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => getComputedStyle(element).backgroundColor)
}

test('a qiankun host with Element Plus 2.13 and its own theme loads the module from its HTML entry, sandbox on, and neither restyles the other', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000) // bundling the host, then twelve mounts
  const { token, email } = await partnerWithPreregisteredCustomer(request, {
    customerName: 'Qiankun Host Ltd',
    label: 'qiankun',
  })
  const entryUrl = await adapterEntryUrl(request, 'qiankun', /^\.\/qiankun\.html$/)

  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))
  const host = await startQiankunHost({ entryUrl, apiBaseUrl: HOST_API_BASE })
  try {
    await installTimerProbe(page)
    await page.goto(host.url('/customers'))
    await page.waitForFunction(() => (window as unknown as HostWindow).host?.ready === true)
    await page.evaluate((token) => {
      ;(window as unknown as HostWindow).host.token = token
    }, token)
    expect(
      await page.evaluate(() => (window as unknown as HostWindow).host.elementPlusVersion)
    ).toMatch(/^2\.13\./)

    // The host's own dialog, opened once through its primary button, stays in the DOM closed,
    // so every snapshot reads its styles too.
    await page.locator('[data-host-sample="el-button-primary"]').click()
    const hostDialog = page.getByRole('dialog', { name: 'Host dialog' })
    await expect(hostDialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(hostDialog).toBeHidden()
    await expect(page.locator('[data-host-sample="el-dialog"]')).toHaveCount(1)

    const hostButton = '[data-host-sample="el-button-primary"]'
    const before = await restingHostLook(page)
    const hostBodyChildren = await bodyChildren(page)
    expect(await background(page, hostButton)).toBe('rgb(212, 56, 13)') // #d4380d
    expect(before.rootCustomProperties['--el-color-primary']).toBe('#d4380d')

    // Mount: qiankun fetches the HTML entry across origins, runs its classic script in the
    // sandbox and calls mount, which imports the ES adapter and renders inside its container.
    await hostAction(page, 'mount')
    const container = page.locator('#module-container')
    const module = container.getByTestId('customer-development')
    const table = module.getByTestId('preregistration-table')
    await expect(table).toBeVisible({ timeout: 30_000 })
    await expect(module).toHaveAttribute('lang', 'en')
    await expect(table.getByRole('row').filter({ hasText: 'Q***' })).toHaveCount(1)
    // The entry's classic script set its lifecycles on qiankun's sandbox window, not the page's.
    expect(await page.evaluate(() => 'customer-development' in window)).toBe(false)
    await expect(
      container.locator('[id^="__qiankun_microapp_wrapper_for_crm_customers"]')
    ).toHaveCount(1)
    // The module keeps its own theme; the host's button keeps the host's.
    const modulePrimary = '[data-testid="preregister-button"]'
    expect(await background(page, modulePrimary)).toBe('rgb(0, 100, 230)') // #0064e6
    expect(await background(page, hostButton)).toBe('rgb(212, 56, 13)')
    // The host's body font (Georgia, theme.css) does not reach the module's root either.
    expect(await module.evaluate((root) => getComputedStyle(root).fontFamily)).not.toContain(
      'Georgia'
    )
    expectSameHostLook(await restingHostLook(page), before, 'while the module is mounted')

    // The eye on the Email header reveals the column through the API.
    await table.getByRole('button', { name: 'Show Email' }).click()
    await expect(table.getByText(email)).toBeVisible()

    // The Invite dialog and its email preview open inside the module's root.
    await table.getByTestId('row-invite').click()
    const dialog = page.getByRole('dialog', { name: 'Invite Customers' })
    await expect(dialog.getByTestId('invite-rows')).toContainText('Q***')
    await expect(module.getByRole('dialog', { name: 'Invite Customers' })).toBeVisible()
    expectSameHostLook(await restingHostLook(page), before, 'with the Invite dialog open')
    await dialog.getByTestId('preview-email').click()
    const preview = page.getByRole('dialog', { name: 'Email Preview' })
    await expect(preview.getByTestId('preview-subject')).toContainText(
      'invites you to connect your Example Cloud account'
    )
    await preview.getByRole('button', { name: 'Close this dialog' }).click()
    await expect(preview).toBeHidden()
    await dialog.getByRole('button', { name: 'Close this dialog' }).click()
    await expect(dialog).toBeHidden()

    // Language through qiankun's update (microApp.update), without a remount.
    await page.evaluate(() => (window as unknown as HostWindow).host.setLocale('zh-CN'))
    await expect(module).toHaveAttribute('lang', 'zh-CN')
    await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible()
    await expect(table.getByText('已报备').first()).toBeVisible()

    // Unmount: nothing of the module stays; the host looks as before.
    await hostAction(page, 'unmount')
    await expect(page.locator('.pc-customer-development')).toHaveCount(0)
    await expect(page.locator('link[data-mfe]')).toHaveCount(0)
    expectSameHostLook(await restingHostLook(page), before, 'after unmount')
    expect(await bodyChildren(page)).toEqual(hostBodyChildren)

    // Mount again: qiankun remounts with the props of the last update, now in Chinese.
    await hostAction(page, 'mount')
    await expect(module.getByRole('heading', { name: '客户拓展' })).toBeVisible({ timeout: 30_000 })
    await expect(container.getByTestId('customer-development')).toHaveCount(1)
    await expect(table.getByText('已报备').first()).toBeVisible()

    // Ten more unmount/mount cycles leave no node, listener, stylesheet or timer behind.
    const cycle = async () => {
      await hostAction(page, 'unmount')
      await expect(module).toHaveCount(0)
      await hostAction(page, 'mount')
      await expect(table.getByRole('row').filter({ hasText: '已报备' })).toHaveCount(1)
    }
    await expectNoLeaksOver(page, cycle, 10)
    await hostAction(page, 'unmount')
    expectSameHostLook(await restingHostLook(page), before, 'after eleven more cycles')
    expect(await bodyChildren(page)).toEqual(hostBodyChildren)

    expect(await page.evaluate(() => (window as unknown as HostWindow).host.unauthorized)).toBe(0)
    expect(uncaught).toEqual([])
  } finally {
    await host.close()
  }
})

import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { createFixturePartner } from '../../support/customer-development'
import { decodeQrPng, openOfflineTab } from '../../support/offline-links'

// Issue 20 item 6 (R91, R97): the general link's QR code, downloaded as PNG from the page and
// decoded by a real QR reader, is exactly the link the page shows; the SVG is offered too.
test('the general link’s QR code downloaded as PNG decodes to exactly the link, and Reset replaces it', async ({
  page,
  request,
}, testInfo) => {
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]!
  const module = await openOfflineTab(page, admin.email)
  const card = module.getByTestId('general-link')

  // Created on this first view (R91): the user's account name is its tag.
  await expect(card.getByTestId('general-link-tag')).toHaveText(admin.email)
  const field = card.getByTestId('general-link-url')
  await expect(field).toHaveValue(/\/join#[A-Za-z0-9_-]{43}$/)
  const url = await field.inputValue()
  await expect(card.getByTestId('qr-image')).toBeVisible()

  const fileBase = `invitation-link-${admin.email.replace(/[^A-Za-z0-9_-]/g, '_')}`
  await card.getByTestId('general-link-download').click()
  const pngDownload = page.waitForEvent('download')
  await page.getByTestId('qr-png').filter({ visible: true }).click()
  const png = await pngDownload
  expect(png.suggestedFilename()).toBe(`${fileBase}.png`)
  const pngPath = testInfo.outputPath(png.suggestedFilename())
  await png.saveAs(pngPath)
  expect(await decodeQrPng(pngPath)).toEqual({ width: 512, height: 512, text: url })

  await card.getByTestId('general-link-download').click()
  const svgDownload = page.waitForEvent('download')
  await page.getByTestId('qr-svg').filter({ visible: true }).click()
  const svg = await svgDownload
  expect(svg.suggestedFilename()).toBe(`${fileBase}.svg`)
  const svgPath = testInfo.outputPath(svg.suggestedFilename())
  await svg.saveAs(svgPath)
  expect(await readFile(svgPath, 'utf8')).toMatch(/^<svg [^>]*width="512" height="512"/)

  // Reset, after its confirmation: a new link, and the message of S22.
  await card.getByTestId('general-link-reset').click()
  const confirm = module.locator('.cd-el-message-box')
  await expect(confirm).toContainText('Reset your general invitation link?')
  await expect(confirm).toContainText('The current link and QR code stop working at once.')
  await confirm.locator('.cd-el-message-box__btns .cd-el-button--primary').click()
  await expect(page.getByText('Link reset. The old link no longer works.')).toBeVisible()
  await expect(field).not.toHaveValue(url)
  await expect(field).toHaveValue(/\/join#[A-Za-z0-9_-]{43}$/)
})

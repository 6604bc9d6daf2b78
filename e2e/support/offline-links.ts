import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { readFile } from 'node:fs/promises'
import { PNG } from 'pngjs'
import { e2eEnv } from '../env'
import { CUSTOMER_DEVELOPMENT_PATH } from './customer-development'
import { waitForEmailCode } from './offline-link-portal'
import { signIn } from './sign-in'

// The Offline Invitation tab (domain.md S21–S24) and its links, for the offline-*.spec.ts files
// (links are created with `createCustomLinkViaApi` of ./offline-link-portal).
const API = `http://127.0.0.1:${e2eEnv.ports.api}/api/v1/customer-development`
const PUBLIC_API = `http://127.0.0.1:${e2eEnv.ports.api}/api/v1/public/invitation-links`

/** The tab's own address (S21: `?tab=offline` below the module's path). */
export const OFFLINE_TAB_PATH = `${CUSTOMER_DEVELOPMENT_PATH}?tab=offline`

/** Signs in and opens the Offline Invitation tab; resolves with the module root once it shows. */
export async function openOfflineTab(page: Page, email: string): Promise<Locator> {
  await signIn(page, email)
  await page.goto(OFFLINE_TAB_PATH)
  const module = page.getByTestId('customer-development')
  // The tab's chunk and strings come on first use; the API may be busy on a loaded machine.
  await expect(module.getByTestId('offline-tab')).toBeVisible({ timeout: 30_000 })
  return module
}

/** The full link of a custom link, as Copy and QR get it (R97). */
export async function linkUrlViaApi(
  request: APIRequestContext,
  token: string,
  linkId: string
): Promise<string> {
  const response = await request.get(`${API}/invitation-links/${linkId}/url`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(response.status(), await response.text()).toBe(200)
  return ((await response.json()) as { url: string }).url
}

/** What a QR reader reads from a PNG file, with the image's size. */
export async function decodeQrPng(
  path: string
): Promise<{ width: number; height: number; text: string | null }> {
  const png = PNG.sync.read(await readFile(path))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  return { width: png.width, height: png.height, text: code?.data ?? null }
}

/**
 * A new customer registers through an invitation link and accepts, through the public API as
 * the portal does it (R101, R104, R107): the code step, the code from the emailed message, the
 * confirmation, then the acceptance.
 */
export async function associateThroughLinkViaApi(
  request: APIRequestContext,
  url: string,
  customer: { email: string; displayName: string }
): Promise<void> {
  const code = new URL(url).hash.slice(1)
  const requested = await request.post(`${PUBLIC_API}/register/code`, {
    data: {
      code,
      email: customer.email,
      displayName: customer.displayName,
      password: 'correct horse battery staple',
      termsAccepted: true,
      locale: 'en',
    },
  })
  expect(requested.status(), await requested.text()).toBe(202)
  const { pendingRegistrationId } = (await requested.json()) as { pendingRegistrationId: string }
  const emailCode = await waitForEmailCode(request, customer.email)
  const registered = await request.post(`${PUBLIC_API}/register`, {
    data: { code, pendingRegistrationId, emailCode },
  })
  expect(registered.status(), await registered.text()).toBe(201)
  const session = (await registered.json()) as { token: string }
  const accepted = await request.post(`${PUBLIC_API}/accept`, {
    headers: { authorization: `Bearer ${session.token}` },
    data: { code, instructionsAccepted: true },
  })
  expect(accepted.status(), await accepted.text()).toBe(200)
}

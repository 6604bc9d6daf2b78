import { chromium } from 'playwright-core'
import { CHROMIUM_LAUNCH_ARGS } from '@partner-center/vitest-config/chromium'
import { consumerEnv } from '../env'

/** One answer the page received. */
export interface SeenResponse {
  url: string
  origin: string
  status: number
  /** Its `Access-Control-Allow-Origin`, or null. */
  allowOrigin: string | null
}

/** What {@link mountInChromium} saw. */
export interface MountReport {
  /** The host's status line after signing in: `mounted for …` or why not. */
  status: string
  /** The masked emails the module's list shows. */
  maskedEmails: string[]
  requests: SeenResponse[]
  pageErrors: string[]
  consoleErrors: string[]
}

/**
 * Opens the other team's console at `hostOrigin` in Chromium (Debian's, `CHROMIUM_PATH`), signs
 * in through its form and waits for the Customer Development module to render its list.
 */
export async function mountInChromium(options: {
  hostOrigin: string
  email: string
  password: string
}): Promise<MountReport> {
  const browser = await chromium.launch({
    executablePath: consumerEnv.chromiumPath,
    args: CHROMIUM_LAUNCH_ARGS,
  })
  try {
    const page = await browser.newPage()
    const requests: SeenResponse[] = []
    const pageErrors: string[] = []
    const consoleErrors: string[] = []
    page.on('response', (response) => {
      const url = response.url()
      requests.push({
        url,
        origin: new URL(url).origin,
        status: response.status(),
        allowOrigin: response.headers()['access-control-allow-origin'] ?? null,
      })
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const { url } = message.location()
      consoleErrors.push(url ? `${message.text()} (${url})` : message.text())
    })

    await page.goto(`${options.hostOrigin}/`)
    await page.getByLabel('Email').fill(options.email)
    await page.getByLabel('Password').fill(options.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const status = page.locator('#host-status')
    await status.filter({ hasNotText: /^signing in$|^signed out$/ }).waitFor({ timeout: 30_000 })

    const module = page.getByTestId('customer-development')
    const table = module.getByTestId('preregistration-table')
    const masked = table.getByText(/^[^@\s*]\*\*\*@\S+$/)
    let maskedEmails: string[] = []
    if ((await status.textContent())?.startsWith('mounted')) {
      await masked.first().waitFor({ timeout: 30_000 })
      maskedEmails = await masked.allTextContents()
    }
    return {
      status: (await status.textContent()) ?? '',
      maskedEmails,
      requests,
      pageErrors,
      consoleErrors,
    }
  } finally {
    await browser.close()
  }
}

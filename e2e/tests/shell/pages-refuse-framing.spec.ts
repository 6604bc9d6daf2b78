import { expect, test } from '@playwright/test'
import { e2eEnv } from '../../env'
import { cspOf, expectPageSecurityHeaders } from '../../support/csp'
import { startStrangerOrigin } from '../../support/stranger-origin'

const { ports } = e2eEnv
const SHELL = `http://localhost:${ports.shell}`
const PORTAL = `http://localhost:${ports.portal}`
const MODULE = `http://localhost:${ports.mfe}/mfe/customer-development`

test('a page on another origin cannot frame the shell or the portal: Chromium refuses both', async ({
  page,
  request,
}) => {
  // Both pages answer normally when opened directly, with the headers that forbid framing.
  expectPageSecurityHeaders(await request.get(`${SHELL}/sign-in`))
  expectPageSecurityHeaders(await request.get(`${PORTAL}/invite`))

  const stranger = await startStrangerOrigin({
    '/frames': {
      html: `<body><script>window.framesLoaded = 0</script>
        <iframe id="shell" src="${SHELL}/sign-in" onload="window.framesLoaded++"></iframe>
        <iframe id="portal" src="${PORTAL}/invite" onload="window.framesLoaded++"></iframe></body>`,
    },
  })
  try {
    await page.goto(stranger.url('/frames'))
    // Both navigations finished (a refused frame loads Chromium's error page).
    await page.waitForFunction(
      () => (window as unknown as { framesLoaded: number }).framesLoaded === 2
    )
    for (const id of ['shell', 'portal']) {
      const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame()
      expect(frame?.url(), `#${id} loaded the app`).toMatch(/^chrome-error:/)
      await expect(page.frameLocator(`#${id}`).locator('#app')).toHaveCount(0)
    }
  } finally {
    await stranger.close()
  }
})

test("a host on another origin loads the module's files: CORS for the manifest and the entry, CORP for the CSS", async ({
  page,
  request,
}) => {
  const manifestUrl = `${MODULE}/manifest.json`
  const manifest = await request.get(manifestUrl)
  expect(manifest.ok()).toBe(true)
  expect(manifest.headers()['cross-origin-resource-policy']).toBe('cross-origin')
  expect(cspOf(manifest).get('frame-ancestors')).toEqual(["'none'"])
  const { entry, css } = (await manifest.json()) as { entry: string; css: string[] }
  const entryUrl = new URL(entry, manifestUrl).href
  const cssUrl = new URL(css[0]!, manifestUrl).href

  // Public files, read without credentials (issue 18 item 4): any origin may read them, so `*`.
  for (const url of [manifestUrl, entryUrl, cssUrl]) {
    const file = await request.get(url, { headers: { origin: 'https://host.example' } })
    expect(file.headers()['access-control-allow-origin'], url).toBe('*')
    expect(file.headers()['access-control-allow-credentials'], url).toBeUndefined()
  }

  // With require-corp, Chromium loads a cross-origin no-cors file (a stylesheet link) only when it
  // sends Cross-Origin-Resource-Policy; the entry is a module script, fetched with CORS.
  const stranger = await startStrangerOrigin({
    '/host': { html: '<body></body>', headers: { 'cross-origin-embedder-policy': 'require-corp' } },
  })
  let loaded: unknown
  try {
    await page.goto(stranger.url('/host'))
    loaded = await page.evaluate(
      async ({ manifestUrl, entryUrl, cssUrl }) => {
        // As loadMicroFrontend fetches it: a CORS request the module's server must allow.
        const response = await fetch(manifestUrl, {
          cache: 'no-cache',
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        })
        const manifestEntry = ((await response.json()) as { entry: string }).entry
        const link = document.createElement('link')
        link.rel = 'stylesheet'
        link.href = cssUrl
        const stylesheet = new Promise<string>((resolve) => {
          link.onload = () => resolve('loaded')
          link.onerror = () => resolve('blocked')
        })
        document.head.append(link)
        const module = (await import(entryUrl)) as { mount?: unknown; contractVersion?: number }
        return {
          manifestEntry,
          stylesheet: await stylesheet,
          mount: typeof module.mount,
          contractVersion: module.contractVersion,
        }
      },
      { manifestUrl, entryUrl, cssUrl }
    )
  } finally {
    await stranger.close()
  }
  expect(loaded).toEqual({
    manifestEntry: entry,
    stylesheet: 'loaded',
    mount: 'function',
    contractVersion: 1,
  })
})

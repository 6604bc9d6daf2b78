import { expect, test } from '@playwright/test'
import { e2eEnv } from '../../env'
import { cspOf, watchCspViolations } from '../../support/csp'

// The API itself, not the shell's proxy: "its origin" is the API's.
const API = `http://localhost:${e2eEnv.ports.api}`

test("the API reference loads Scalar from the API's origin only, and try-it calls the running API", async ({
  page,
  request,
}) => {
  // Every request of the page, its frames and any worker or popup it might open.
  const requested: string[] = []
  page.context().on('request', (sent) => requested.push(sent.url()))
  const violations = await watchCspViolations(page)

  const response = await page.goto(`${API}/api/docs`)
  expect(response?.status()).toBe(200)
  const scripts = cspOf(response).get('script-src') ?? []
  expect(scripts).toHaveLength(1)
  expect(scripts[0]).toMatch(/^'nonce-/)

  // Scalar rendered the document: its title, and in the sidebar one group per tag of its
  // operations (read from the document the page was given).
  await expect(
    page.getByRole('heading', { name: 'Partner Center · Customer Development API' })
  ).toBeVisible()
  const document = (await (await request.get(`${API}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { tags?: string[] }>>
  }
  const tags = new Set(
    Object.values(document.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => op.tags ?? [])
    )
  )
  expect(tags.size).toBeGreaterThan(3)
  for (const tag of tags) await expect(page.getByText(tag, { exact: true }).first()).toBeVisible()

  // Try-it: GET /api/health sent from Scalar's client straight to the API, and its answer shown.
  await page.getByRole('button', { name: 'Test Request (get /api/health)' }).click()
  const answered = page.waitForResponse(`${API}/api/health`)
  await page.getByRole('button', { name: `Send get request to ${API}/api/health` }).click()
  const health = await answered
  expect(health.status()).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok' })
  await expect(page.getByText('200 OK', { exact: true })).toBeVisible()
  // The answer's body in the client's response pane (the reference's example shows one too).
  await expect(page.getByTestId('response-body-raw')).toContainText('"nodeMajor"')

  // The recorder saw the page's own requests, and none outside the API's origin (fonts, a
  // CDN, a request proxy, telemetry), blocked or not.
  expect(requested).toEqual(
    expect.arrayContaining([
      `${API}/api/docs`,
      expect.stringMatching(/\/api\/docs\/scalar\.js\?v=[0-9a-f]{16}$/),
      `${API}/api/openapi.json`,
      `${API}/api/health`,
    ])
  )
  expect(requested.filter((url) => new URL(url).origin !== API)).toEqual([])
  expect(violations).toEqual([])
})

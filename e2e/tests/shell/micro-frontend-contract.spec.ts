import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { buildContractKit } from '../../support/build-contract-kit'
import { DEMO_PASSWORD } from '../../support/sign-in'

const HARNESS_PATH = '/__contract-kit'

test('the built micro-frontend passes the mfe-contract kit in Chromium', async ({
  page,
  request,
}) => {
  const kit = await readFile(await buildContractKit(), 'utf8')
  const signIn = await request.post('/api/v1/auth/sign-in', {
    data: { email: 'admin@acme.example', password: DEMO_PASSWORD },
  })
  const { token } = (await signIn.json()) as { token: string }

  // An empty page on the shell's origin, so the module and the API are reached as in production.
  await page.route(`**${HARNESS_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body></body></html>' })
  )
  const uncaught: string[] = []
  page.on('pageerror', (error) => uncaught.push(error.message))
  await page.goto(HARNESS_PATH)
  await page.addScriptTag({ content: kit, type: 'module' })
  await page.waitForFunction(() => 'runContractKit' in window)

  const report = await page.evaluate(
    (token) =>
      (
        window as unknown as {
          runContractKit: (o: { manifestUrl: string; token: string }) => Promise<{
            passed: boolean
            checks: { name: string; ok: boolean; message?: string }[]
          }>
        }
      ).runContractKit({ manifestUrl: '/mfe/customer-development/manifest.json', token }),
    token
  )
  expect(report.checks.filter((check) => !check.ok)).toEqual([])
  // All eight checks ran (architecture.md §4), not just the ones that happened to pass.
  expect(report.checks).toHaveLength(8)
  expect(report.passed).toBe(true)
  expect(uncaught).toEqual([])
})

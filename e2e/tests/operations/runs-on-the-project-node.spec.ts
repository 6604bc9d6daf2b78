import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

/** The major version named in the repository's `.node-version`, the one runtime of the project. */
const projectMajor = Number(
  readFileSync(new URL('../../../.node-version', import.meta.url), 'utf8')
    .trim()
    .split('.')[0]
)

test('the test runner and the API it started both run on Node.js 24', async ({ request }) => {
  expect(projectMajor).toBe(24)
  expect(Number(process.versions.node.split('.')[0])).toBe(projectMajor)
  // Through the shell's proxy: the API process Playwright's web server spawned.
  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok', nodeMajor: projectMajor })
})

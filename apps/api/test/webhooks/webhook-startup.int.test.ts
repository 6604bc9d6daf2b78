// Issue 21 (R136): WEBHOOK_ADDRESS_POLICY other than `public` stops the API and the dispatcher
// at start in production, naming it. On the built entries, as a deployment runs them.
import { afterEach, describe, expect, it } from 'vitest'
import { freePort, startBuiltEntry, type BuiltEntry } from '../support/built-entry'

const running: BuiltEntry[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((entry) => entry.stop()))
})

describe('WEBHOOK_ADDRESS_POLICY at start (R136)', () => {
  it.each([
    ['dispatcher', 'any'],
    ['server', 'any'],
    ['dispatcher', 'private'],
  ] as const)(
    'stops the %s in production with WEBHOOK_ADDRESS_POLICY=%s, naming it',
    async (entry, value) => {
      const started = startBuiltEntry(entry, {
        APP_ENV: 'production',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never',
        SMTP_URL: 'smtp://127.0.0.1:1',
        PUBLIC_BASE_URL: 'https://partners.example.com',
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        PORT: String(await freePort()),
        WEBHOOK_ADDRESS_POLICY: value,
      })
      running.push(started)
      expect(await started.exited).not.toBe(0)
      expect(started.output()).toContain('WEBHOOK_ADDRESS_POLICY')
    }
  )
})

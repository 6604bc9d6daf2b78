import { describe, expect, it } from 'vitest'
import { readEnv } from '../env'
import { webhookDispatchConfigFromEnv } from './webhook-dispatch-config'

// The README's "Real PostgreSQL and SMTP" variables.
const production = {
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://user:pass@db.example:5432/partner_center',
  SMTP_URL: 'smtp://user:pass@mail.example:587',
  PUBLIC_BASE_URL: 'https://partners.example.com',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
}

describe('webhook settings from the environment (§13.8)', () => {
  it('takes §13.8’s defaults, and any address outside production (R136)', () => {
    expect(webhookDispatchConfigFromEnv(readEnv({ APP_ENV: 'test' }))).toEqual({
      timeoutSeconds: 10,
      excerptBytes: 1024,
      retryWindowHours: 24,
      backoffBaseSeconds: 5,
      backoffCapSeconds: 3600,
      disableAfterHours: 24,
      sendConcurrency: 20,
      endpointConcurrency: 5,
      claimLoops: 2,
      batchSize: 20,
      fanOutBatchSize: 100,
      leaseSeconds: 60,
      pollIntervalMs: 200,
      addressPolicy: 'any',
    })
  })

  it('reaches only public addresses in production, and outside it when asked', () => {
    expect(webhookDispatchConfigFromEnv(readEnv(production)).addressPolicy).toBe('public')
    const asked = readEnv({ APP_ENV: 'development', WEBHOOK_ADDRESS_POLICY: 'public' })
    expect(webhookDispatchConfigFromEnv(asked).addressPolicy).toBe('public')
  })

  it.each(['any', 'none'])(
    'stops production with WEBHOOK_ADDRESS_POLICY=%s, naming it',
    (value) => {
      expect(() => readEnv({ ...production, WEBHOOK_ADDRESS_POLICY: value })).toThrow(
        /WEBHOOK_ADDRESS_POLICY/
      )
    }
  )

  it('refuses a lease no longer than an attempt and a disable before the longest retry delay', () => {
    expect(() =>
      readEnv({ APP_ENV: 'test', WEBHOOK_LEASE_SECONDS: '10', WEBHOOK_TIMEOUT_SECONDS: '10' })
    ).toThrow(/WEBHOOK_LEASE_SECONDS/)
    expect(() =>
      readEnv({
        APP_ENV: 'test',
        WEBHOOK_DISABLE_AFTER_HOURS: '1',
        WEBHOOK_BACKOFF_CAP_SECONDS: '7200',
      })
    ).toThrow(/WEBHOOK_DISABLE_AFTER_HOURS/)
  })
})

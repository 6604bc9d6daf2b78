import { describe, expect, it } from 'vitest'
import { readWorkerEnv } from './worker-env'

const KEY = btoa('0123456789abcdef0123456789abcdef')
const PRODUCTION = {
  DATABASE_URL: 'postgres://u@db.internal:5432/pc',
  PUBLIC_BASE_URL: 'https://portal.example.com',
  DATA_ENCRYPTION_KEY: KEY,
}

describe('the worker settings', () => {
  it('are production unless a binding says otherwise, and need no SMTP_URL', () => {
    const env = readWorkerEnv(PRODUCTION)
    expect(env.APP_ENV).toBe('production')
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.DEMO_SEED).toBe(false)
  })

  it('take the database from the Hyperdrive binding over DATABASE_URL', () => {
    const hyperdrive = 'postgresql://u:p@hyperdrive.local:5432/pc'
    const env = readWorkerEnv({ ...PRODUCTION, HYPERDRIVE: { connectionString: hyperdrive } })
    expect(env.DATABASE_URL).toBe(hyperdrive)
  })

  it.each([
    ['DATABASE_URL', 'APP_ENV=production requires DATABASE_URL'],
    ['PUBLIC_BASE_URL', 'APP_ENV=production requires PUBLIC_BASE_URL'],
    ['DATA_ENCRYPTION_KEY', 'APP_ENV=production requires DATA_ENCRYPTION_KEY'],
  ] as const)('refuse production without %s, naming it', (missing, message) => {
    const bindings: Record<string, unknown> = { ...PRODUCTION }
    delete bindings[missing]
    expect(() => readWorkerEnv(bindings)).toThrow(message)
  })

  it('refuse demo settings in production as the Node entries do', () => {
    expect(() => readWorkerEnv({ ...PRODUCTION, DEMO_SEED: 'true' })).toThrow('DEMO_SEED')
  })

  it('read only string bindings as settings', () => {
    const env = readWorkerEnv({
      ...PRODUCTION,
      PLATFORM_NAME: 'Edge Cloud',
      SOME_KV: { get: () => null },
    })
    expect(env.PLATFORM_NAME).toBe('Edge Cloud')
  })

  it('read CORS_ALLOWED_ORIGINS as the Node entries do: none by default, a malformed one refused', () => {
    expect(readWorkerEnv(PRODUCTION).CORS_ALLOWED_ORIGINS).toEqual([])
    const origins = 'https://console.example.com,https://console.example.cn'
    expect(
      readWorkerEnv({ ...PRODUCTION, CORS_ALLOWED_ORIGINS: origins }).CORS_ALLOWED_ORIGINS
    ).toEqual(['https://console.example.com', 'https://console.example.cn'])
    expect(() =>
      readWorkerEnv({ ...PRODUCTION, CORS_ALLOWED_ORIGINS: 'https://*.example.com' })
    ).toThrow('"https://*.example.com" is not an origin')
  })

  it('read BEHIND_CLOUDFLARE as the switch for cf-connecting-ip', () => {
    expect(readWorkerEnv(PRODUCTION).BEHIND_CLOUDFLARE).toBe(false)
    expect(readWorkerEnv({ ...PRODUCTION, BEHIND_CLOUDFLARE: 'true' }).BEHIND_CLOUDFLARE).toBe(true)
  })
})

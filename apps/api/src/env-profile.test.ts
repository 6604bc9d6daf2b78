import { describe, expect, it } from 'vitest'
import { DEVELOPMENT_SEED_TOKEN_SECRET } from './env-profile'
import { readEnv } from './env'

// The README's "Real PostgreSQL and SMTP" variables, without APP_ENV.
const realDeployment = {
  DATABASE_URL: 'postgres://user:pass@db.example:5432/partner_center',
  SMTP_URL: 'smtp://user:pass@mail.example:587',
  PUBLIC_BASE_URL: 'https://partners.example.com',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
}

describe('APP_ENV and the demo settings (issue 13)', () => {
  it('runs as production when DATABASE_URL is set and APP_ENV is not', () => {
    const env = readEnv(realDeployment)
    expect(env.APP_ENV).toBe('production')
    expect(env.DEMO_SEED).toBe(false)
    expect(env.SEED_TOKEN_SECRET).toBeNull()
    expect(readEnv({ ...realDeployment, APP_ENV: '' }).APP_ENV).toBe('production')
  })

  it('so a real database without SMTP_URL or https stops at start, as production', () => {
    expect(() => readEnv({ DATABASE_URL: realDeployment.DATABASE_URL })).toThrow(
      /APP_ENV=production requires .*SMTP_URL/
    )
    expect(() =>
      readEnv({ ...realDeployment, PUBLIC_BASE_URL: 'http://partners.example.com' })
    ).toThrow(/https/)
  })

  it('keeps development on PGlite and an explicit development or test on a real database', () => {
    const embedded = readEnv({})
    expect(embedded.APP_ENV).toBe('development')
    expect(embedded.DEMO_SEED).toBe(true)
    expect(embedded.SEED_TOKEN_SECRET).toBe(DEVELOPMENT_SEED_TOKEN_SECRET)
    expect(readEnv({ ...realDeployment, APP_ENV: 'test' }).APP_ENV).toBe('test')
    expect(
      readEnv({ ...realDeployment, APP_ENV: 'development', DEMO_SEED: 'false' }).DEMO_SEED
    ).toBe(false)
  })

  it('refuses the demo seed, the public seed secret and the sink in production, naming each', () => {
    expect(() => readEnv({ ...realDeployment, DEMO_SEED: 'true' })).toThrow(/DEMO_SEED/)
    expect(() =>
      readEnv({ ...realDeployment, SEED_TOKEN_SECRET: DEVELOPMENT_SEED_TOKEN_SECRET })
    ).toThrow(/SEED_TOKEN_SECRET/)
    expect(() => readEnv({ ...realDeployment, SMTP_SINK_PORT: '2525' })).toThrow(/SMTP_SINK_PORT/)
    expect(readEnv({ ...realDeployment, DEMO_SEED: 'false' }).DEMO_SEED).toBe(false)
  })
})

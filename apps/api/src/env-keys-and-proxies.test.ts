import { describe, expect, it } from 'vitest'
import { configFromEnv, dataKeysFromEnv } from './config'
import { readEnv } from './env'
import { DEVELOPMENT_ONLY_DATA_KEY } from './security/keyring'

const key = (fill: string) => btoa(fill.repeat(32))
const production = {
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://db/x',
  SMTP_URL: 'smtp://mail:25',
  PUBLIC_BASE_URL: 'https://partners.example.com',
}

describe('TRUSTED_PROXIES', () => {
  it('takes addresses and CIDRs of both families', () => {
    const env = readEnv({ TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,2001:db8::/32,192.0.2.7' })
    expect(configFromEnv(env).trustedProxies).toEqual([
      '10.0.0.0/8',
      '::1',
      '2001:db8::/32',
      '192.0.2.7',
    ])
  })

  it('stops the start on a malformed entry, naming it', () => {
    expect(() => readEnv({ TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' })).toThrow(
      /TRUSTED_PROXIES[\s\S]*"proxy\.internal"/
    )
    expect(() => readEnv({ TRUSTED_PROXIES: '10.0.0.1/8' })).toThrow(/TRUSTED_PROXIES/)
  })
})

describe('DATA_ENCRYPTION_KEY', () => {
  it('is required in production, and the development key is refused there', () => {
    expect(() => readEnv(production)).toThrow(/DATA_ENCRYPTION_KEY/)
    expect(() =>
      readEnv({ ...production, DATA_ENCRYPTION_KEY: DEVELOPMENT_ONLY_DATA_KEY })
    ).toThrow(/DATA_ENCRYPTION_KEY/)
    expect(readEnv({ ...production, DATA_ENCRYPTION_KEY: key('p') }).APP_ENV).toBe('production')
  })

  it('must be 32 bytes of base64', () => {
    expect(() => readEnv({ DATA_ENCRYPTION_KEY: btoa('short') })).toThrow(/DATA_ENCRYPTION_KEY/)
    expect(() => readEnv({ DATA_ENCRYPTION_KEY: key('x') + 'AAAA' })).toThrow(/DATA_ENCRYPTION_KEY/)
  })

  it('falls back to the named development key outside production', () => {
    const keys = dataKeysFromEnv(readEnv({ APP_ENV: 'test' }))
    expect(keys.current.id).toBe('k1')
    expect(new TextDecoder().decode(keys.current.secret)).toBe('development-only-data-key-000000')
  })

  it('rotates: a new current key with its id, the old one kept under DATA_ENCRYPTION_PREVIOUS_KEYS', () => {
    const keys = dataKeysFromEnv(
      readEnv({
        DATA_ENCRYPTION_KEY: key('n'),
        DATA_ENCRYPTION_KEY_ID: 'k2',
        DATA_ENCRYPTION_PREVIOUS_KEYS: `k1:${key('o')}`,
      })
    )
    expect(keys.current.id).toBe('k2')
    expect(keys.previous.map((k) => k.id)).toEqual(['k1'])
    expect(() =>
      readEnv({ DATA_ENCRYPTION_KEY: key('n'), DATA_ENCRYPTION_PREVIOUS_KEYS: `k1:${key('o')}` })
    ).toThrow(/repeats a key id/)
    expect(() => readEnv({ DATA_ENCRYPTION_PREVIOUS_KEYS: 'k0:short' })).toThrow(
      /DATA_ENCRYPTION_PREVIOUS_KEYS/
    )
    expect(() => readEnv({ DATA_ENCRYPTION_KEY_ID: 'K:1' })).toThrow(/DATA_ENCRYPTION_KEY_ID/)
  })
})

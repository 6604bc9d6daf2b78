import { describe, expect, it } from 'vitest'
import { configFromEnv, mailDomainOf } from './config'
import { readEnv } from './env'

describe('readEnv', () => {
  it('applies the documented defaults', () => {
    const env = readEnv({})
    expect(env.APP_ENV).toBe('development')
    expect(env.PORT).toBe(3000)
    expect(env.INVITATION_TTL_DAYS).toBe(7)
    expect(env.OUTBOX_MAX_ATTEMPTS).toBe(8)
    expect(configFromEnv(env).publicBaseUrl).toBe('http://localhost:4175')
  })

  it('refuses production without a database, SMTP server and https base URL', () => {
    expect(() => readEnv({ APP_ENV: 'production' })).toThrow(
      /DATABASE_URL, SMTP_URL, PUBLIC_BASE_URL/
    )
    expect(() =>
      readEnv({
        APP_ENV: 'production',
        DATABASE_URL: 'postgres://db/x',
        SMTP_URL: 'smtp://mail:25',
        PUBLIC_BASE_URL: 'http://partners.example.com',
      })
    ).toThrow(/https/)
  })

  it('names every invalid variable', () => {
    expect(() => readEnv({ PORT: 'eighty', INVITATION_TTL_DAYS: '31' })).toThrow(
      /PORT[\s\S]*INVITATION_TTL_DAYS|INVITATION_TTL_DAYS[\s\S]*PORT/
    )
  })

  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(mailDomainOf('Partner Center <no-reply@partner-center.local>')).toBe(
      'partner-center.local'
    )
    expect(mailDomainOf('mailer@example.com')).toBe('example.com')
  })
})

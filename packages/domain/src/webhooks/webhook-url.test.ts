import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../core/limits'
import { checkWebhookUrl, redactWebhookUrl } from './webhook-url'

const WEBHOOK_URL_MAX_LENGTH = DEFAULT_LIMITS.WEBHOOK_URL_MAX

const PRODUCTION = { production: true, policy: 'public' } as const
const ELSEWHERE = { production: false, policy: 'any' } as const

const codeOf = (raw: string, options: Parameters<typeof checkWebhookUrl>[1]): string => {
  const check = checkWebhookUrl(raw, options)
  return check.ok ? 'OK' : check.code
}

describe('checkWebhookUrl (R126)', () => {
  it('accepts an https URL and answers its serialisation and host', () => {
    expect(checkWebhookUrl('HTTPS://Hooks.Example.COM/In?t=1', PRODUCTION)).toEqual({
      ok: true,
      href: 'https://hooks.example.com/In?t=1',
      host: 'hooks.example.com',
    })
  })

  it('refuses what does not parse, with credentials or with a fragment', () => {
    for (const raw of [
      '',
      'hooks.example.com/in',
      'https://',
      'https://exa mple.com/',
      'https://user@hooks.example.com/',
      'https://:pass@hooks.example.com/',
      'https://hooks.example.com/in#part',
      'https://hooks.example.com/in#',
    ]) {
      expect(codeOf(raw, PRODUCTION)).toBe('WEBHOOK_URL_INVALID')
      expect(codeOf(raw, ELSEWHERE)).toBe('WEBHOOK_URL_INVALID')
    }
  })

  it('takes http only outside production, and no other scheme anywhere', () => {
    expect(codeOf('http://hooks.example.com/', PRODUCTION)).toBe('WEBHOOK_URL_INVALID')
    expect(codeOf('http://hooks.example.com/', ELSEWHERE)).toBe('OK')
    for (const raw of ['ftp://hooks.example.com/', 'ws://hooks.example.com/', 'data:,x']) {
      expect(codeOf(raw, ELSEWHERE)).toBe('WEBHOOK_URL_INVALID')
    }
  })

  it('takes 2,048 characters, not one more, as given or as serialised', () => {
    const base = 'https://hooks.example.com/'
    const longest = base + 'a'.repeat(WEBHOOK_URL_MAX_LENGTH - base.length)
    expect(codeOf(longest, PRODUCTION)).toBe('OK')
    expect(codeOf(longest + 'a', PRODUCTION)).toBe('WEBHOOK_URL_INVALID')
    // A space is one character as given and three (%20) as serialised.
    const growing = base + ' '.repeat(WEBHOOK_URL_MAX_LENGTH - base.length - 2) + 'x'
    expect(growing.length).toBeLessThanOrEqual(WEBHOOK_URL_MAX_LENGTH)
    expect(codeOf(growing, PRODUCTION)).toBe('WEBHOOK_URL_INVALID')
    expect(codeOf(base + 'a'.repeat(10), { ...PRODUCTION, maxLength: 30 })).toBe(
      'WEBHOOK_URL_INVALID'
    )
  })

  it('refuses localhost and refused IP literals in production, after normalisation', () => {
    for (const raw of [
      'https://localhost/',
      'https://LOCALHOST./',
      'https://api.localhost/',
      'https://127.0.0.1/',
      'https://127.1/',
      'https://0x7f.0.0.1/',
      'https://2130706433/',
      'https://0.0.0.0/',
      'https://10.0.0.1/',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:8.8.8.8]/',
      'https://[fe80::1]/',
      'https://[fc00::1]:8443/',
    ]) {
      expect(codeOf(raw, PRODUCTION)).toBe('WEBHOOK_URL_NOT_ALLOWED')
    }
  })

  it('leaves public IP literals and names that merely contain localhost alone', () => {
    expect(checkWebhookUrl('https://[2606:4700:4700::1111]/in', PRODUCTION)).toEqual({
      ok: true,
      href: 'https://[2606:4700:4700::1111]/in',
      host: '2606:4700:4700::1111',
    })
    expect(codeOf('https://8.8.8.8/', PRODUCTION)).toBe('OK')
    expect(codeOf('https://localhost.example.com/', PRODUCTION)).toBe('OK')
    expect(codeOf('https://mylocalhost/', PRODUCTION)).toBe('OK')
  })

  it('leaves every host to the attempt outside production, whatever the policy', () => {
    expect(checkWebhookUrl('http://127.1:4000/hook', ELSEWHERE)).toEqual({
      ok: true,
      href: 'http://127.0.0.1:4000/hook',
      host: '127.0.0.1',
    })
    expect(codeOf('http://[::1]:4000/', ELSEWHERE)).toBe('OK')
    expect(codeOf('http://localhost:4000/', { production: false, policy: 'public' })).toBe('OK')
  })
})

describe('redactWebhookUrl (R144)', () => {
  it('keeps origin and path and hides the query', () => {
    expect(redactWebhookUrl('https://hooks.example.com/in?token=s3cr3t&x=1')).toBe(
      'https://hooks.example.com/in?…'
    )
    expect(redactWebhookUrl('https://hooks.example.com:8443/a/b')).toBe(
      'https://hooks.example.com:8443/a/b'
    )
    expect(redactWebhookUrl('http://[::1]:4000/?')).toBe('http://[::1]:4000/')
  })

  it('cuts text that does not parse at its query or fragment', () => {
    expect(redactWebhookUrl('not a url?token=s3cr3t')).toBe('not a url?…')
    expect(redactWebhookUrl('not a url#token')).toBe('not a url')
    expect(redactWebhookUrl('not a url')).toBe('not a url')
  })
})

import { describe, expect, it } from 'vitest'
import { preferredPortalLocale } from './index'

describe('preferredPortalLocale', () => {
  it('speaks Chinese to a browser that prefers any Chinese', () => {
    expect(preferredPortalLocale(['zh-CN', 'en'])).toBe('zh-CN')
    expect(preferredPortalLocale(['zh-TW'])).toBe('zh-CN')
    expect(preferredPortalLocale(['ZH'])).toBe('zh-CN')
  })

  it('takes the first language it speaks, in the browser’s order', () => {
    expect(preferredPortalLocale(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en')
    expect(preferredPortalLocale(['de', 'zh-Hans-CN'])).toBe('zh-CN')
  })

  it('falls back to English', () => {
    expect(preferredPortalLocale([])).toBe('en')
    expect(preferredPortalLocale(['fr', 'ja'])).toBe('en')
    expect(preferredPortalLocale(['zhx'])).toBe('en')
  })
})

import { describe, expect, it } from 'vitest'
import { addDays, DAY_MS, isInWindow, secondsUntil } from './time'
import { formatExpiry } from './format-expiry'
import { isLocale, LOCALES } from './locale'

const now = new Date('2025-01-15T00:00:00.000Z')

describe('time helpers', () => {
  it('adds exact 24 h days', () => {
    expect(addDays(now, 15).toISOString()).toBe('2025-01-30T00:00:00.000Z')
  })

  it('rounds seconds up and never answers less than one', () => {
    expect(secondsUntil(new Date(now.getTime() + 1200), now)).toBe(2)
    expect(secondsUntil(now, now)).toBe(1)
  })

  it('treats the rolling window as half-open (now − length, now]', () => {
    expect(isInWindow(now, now, DAY_MS)).toBe(true)
    expect(isInWindow(new Date(now.getTime() - DAY_MS), now, DAY_MS)).toBe(false)
    expect(isInWindow(new Date(now.getTime() - DAY_MS + 1), now, DAY_MS)).toBe(true)
    expect(isInWindow(new Date(now.getTime() + 1), now, DAY_MS)).toBe(false)
  })
})

describe('locales', () => {
  it('offers English and Simplified Chinese', () => {
    expect(LOCALES).toEqual(['en', 'zh-CN'])
  })

  it.each([
    ['en', true],
    ['zh-CN', true],
    ['fr', false],
    [1, false],
  ])('recognises %s as a locale: %s', (value, expected) => {
    expect(isLocale(value)).toBe(expected)
  })
})

describe('formatExpiry', () => {
  it.each([
    ['2025-01-22T09:30:00Z', 'en', '22 Jan 2025, 09:30 UTC'],
    ['2025-01-22T09:30:00Z', 'zh-CN', '2025年1月22日 09:30(UTC)'],
    ['2025-12-05T23:05:59Z', 'en', '5 Dec 2025, 23:05 UTC'],
    ['2025-12-05T23:05:59Z', 'zh-CN', '2025年12月5日 23:05(UTC)'],
  ] as const)('formats %s in %s as %s', (iso, locale, expected) => {
    expect(formatExpiry(new Date(iso), locale)).toBe(expected)
  })
})

import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { formatDateTime } from './format-date-time.js'

describe('formatDateTime', () => {
  it('formats the examples of §9.4', () => {
    const instant = new Date('2025-01-22T09:30:00Z')
    expect(formatDateTime(instant, 'en')).toBe('22 Jan 2025, 09:30 UTC')
    expect(formatDateTime(instant, 'zh-CN')).toBe('2025年1月22日 09:30(UTC)')
  })

  it('pads hours and minutes but not days or months', () => {
    const instant = new Date('2025-03-05T00:07:59Z')
    expect(formatDateTime(instant, 'en')).toBe('5 Mar 2025, 00:07 UTC')
    expect(formatDateTime(instant, 'zh-CN')).toBe('2025年3月5日 00:07(UTC)')
  })

  it('uses UTC whatever the machine time zone', () => {
    const instant = new Date('2025-01-22T20:30:00Z')
    try {
      vi.stubEnv('TZ', 'Asia/Shanghai')
      const shanghai = [formatDateTime(instant, 'en'), instant.getHours()]
      vi.stubEnv('TZ', 'America/Los_Angeles')
      const losAngeles = [formatDateTime(instant, 'en'), instant.getHours()]
      // Local hours differ, so the zone really changed; the formatted text does not.
      expect(shanghai).toEqual(['22 Jan 2025, 20:30 UTC', 4])
      expect(losAngeles).toEqual(['22 Jan 2025, 20:30 UTC', 12])
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('agrees with the ISO form of any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (instant) => {
          const iso = instant.toISOString()
          const [year, month, day] = iso.slice(0, 10).split('-').map(Number)
          expect(formatDateTime(instant, 'zh-CN')).toBe(
            `${year}年${month}月${day}日 ${iso.slice(11, 16)}(UTC)`
          )
        }
      ),
      { numRuns: 300 }
    )
  })

  it('refuses an invalid date', () => {
    expect(() => formatDateTime(new Date(Number.NaN), 'en', 'expiresAt')).toThrow(
      expect.objectContaining({ code: 'INVALID_PROP', field: 'expiresAt' })
    )
  })
})

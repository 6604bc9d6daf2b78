import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoTimestamp, isoTimestampOrNull } from './iso-timestamp'

describe('isoTimestamp', () => {
  it('equals toISOString for any date, including years outside 1000–9999', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        expect(isoTimestamp(date)).toBe(date.toISOString())
      }),
      { numRuns: 5000 }
    )
  })

  it('equals toISOString around the edges of the four-digit years and of each field', () => {
    const edges = [
      Date.UTC(1000, 0, 1),
      Date.UTC(999, 11, 31, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(2026, 1, 28, 9, 5, 7, 3),
      Date.UTC(1970, 0, 1),
      -1,
    ]
    for (const time of edges)
      expect(isoTimestamp(new Date(time))).toBe(new Date(time).toISOString())
  })

  it('throws like toISOString for an invalid date, and keeps null', () => {
    expect(() => isoTimestamp(new Date(Number.NaN))).toThrow(RangeError)
    expect(isoTimestampOrNull(null)).toBeNull()
  })
})

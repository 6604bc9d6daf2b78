import { describe, expect, it } from 'vitest'
import { formatLocalTime, formatUtcTime } from './format-time'

describe('time formatting', () => {
  it('shows UTC as YYYY-MM-DD HH:mm', () => {
    expect(formatUtcTime('2025-01-22T09:30:00.000Z')).toBe('2025-01-22 09:30')
  })

  it('shows local time in the same shape', () => {
    expect(formatLocalTime('2025-01-22T09:30:00.000Z', 'en')).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/
    )
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { T, at } from '../../test/fixtures'
import { INVITATION_STATUSES } from '../core/statuses'
import { DAY_MS, HOUR_MS } from '../core/time'
import {
  REMINDER_MIN_HOURS_AFTER_SEND,
  defaultReminderHours,
  isReminderDue,
  reminderDueAt,
  resolveReminderHours,
} from './reminder-schedule'

describe('default INVITATION_REMINDER_HOURS (R115)', () => {
  it.each([
    [7, 48],
    [1, 12],
    [2, 24],
    [4, 48],
    [30, 48],
  ])('is %i days → %i hours: min(48, TTL × 12)', (ttlDays, hours) => {
    expect(defaultReminderHours(ttlDays)).toBe(hours)
  })
})

describe('explicit INVITATION_REMINDER_HOURS (R115, §12.6)', () => {
  it('uses the default when unset', () => {
    expect(resolveReminderHours(undefined, 7)).toEqual({ ok: true, value: 48 })
    expect(resolveReminderHours(undefined, 1)).toEqual({ ok: true, value: 12 })
  })

  it.each([
    [0, 7],
    [1, 7],
    [167, 7],
    [23, 1],
  ])('accepts %i with INVITATION_TTL_DAYS=%i (0 means off)', (hours, ttlDays) => {
    expect(resolveReminderHours(hours, ttlDays)).toEqual({ ok: true, value: hours })
  })

  it('refuses TTL × 24 naming the variable and the allowed range', () => {
    expect(resolveReminderHours(168, 7)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        details: {
          fields: [{ path: 'INVITATION_REMINDER_HOURS', reason: 'OUT_OF_RANGE_0_167' }],
          message:
            'INVITATION_REMINDER_HOURS must be an integer from 0 to 167 ' +
            '(INVITATION_TTL_DAYS × 24 − 1 with INVITATION_TTL_DAYS=7; 0 disables reminders), got 168',
        },
      },
    })
  })

  it.each([
    [24, 1, 'OUT_OF_RANGE_0_23'],
    [1000, 7, 'OUT_OF_RANGE_0_167'],
    [-1, 7, 'OUT_OF_RANGE_0_167'],
    [1.5, 7, 'NOT_AN_INTEGER'],
    [Number.NaN, 7, 'NOT_AN_INTEGER'],
    [Number.POSITIVE_INFINITY, 7, 'NOT_AN_INTEGER'],
  ])('refuses %d with INVITATION_TTL_DAYS=%i as %s', (hours, ttlDays, reason) => {
    const max = ttlDays * 24 - 1
    expect(resolveReminderHours(hours, ttlDays)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        details: {
          fields: [{ path: 'INVITATION_REMINDER_HOURS', reason }],
          message:
            `INVITATION_REMINDER_HOURS must be an integer from 0 to ${max} ` +
            `(INVITATION_TTL_DAYS × 24 − 1 with INVITATION_TTL_DAYS=${ttlDays}; 0 disables reminders), ` +
            `got ${String(hours)}`,
        },
      },
    })
  })

  it('never refuses its own default', () => {
    for (let ttlDays = 1; ttlDays <= 30; ttlDays += 1) {
      const hours = defaultReminderHours(ttlDays)
      expect(resolveReminderHours(hours, ttlDays)).toEqual({ ok: true, value: hours })
    }
  })
})

describe('reminderDueAt (R115)', () => {
  it('is 48 hours before expiry for a 7-day invitation', () => {
    expect(reminderDueAt({ sentAt: T, expiresAt: at(7 * DAY_MS), reminderHours: 48 })).toEqual(
      at(5 * DAY_MS)
    )
  })

  it('is never set with INVITATION_TTL_DAYS=1, whatever the allowed hours', () => {
    for (let hours = 0; hours <= 23; hours += 1) {
      expect(reminderDueAt({ sentAt: T, expiresAt: at(DAY_MS), reminderHours: hours })).toBeNull()
    }
    expect(
      reminderDueAt({ sentAt: T, expiresAt: at(DAY_MS), reminderHours: defaultReminderHours(1) })
    ).toBeNull()
  })

  it('is null when reminders are off (0)', () => {
    expect(reminderDueAt({ sentAt: T, expiresAt: at(7 * DAY_MS), reminderHours: 0 })).toBeNull()
  })

  it('is set when it falls exactly 24 hours after the first send', () => {
    // TTL 2, default 24 h: the reminder is due at sentAt + 24 h.
    expect(reminderDueAt({ sentAt: T, expiresAt: at(2 * DAY_MS), reminderHours: 24 })).toEqual(
      at(24 * HOUR_MS)
    )
  })

  it('is null when it would fall 1 ms less than 24 hours after the first send', () => {
    expect(
      reminderDueAt({ sentAt: T, expiresAt: at(2 * DAY_MS - 1), reminderHours: 24 })
    ).toBeNull()
  })
})

describe('isReminderDue (R115)', () => {
  const sent = { status: 'SENT', sentAt: T, expiresAt: at(7 * DAY_MS), reminderHours: 48 } as const

  it('is due from reminderAt on, not 1 ms before', () => {
    expect(isReminderDue({ ...sent, now: at(5 * DAY_MS) })).toBe(true)
    expect(isReminderDue({ ...sent, now: at(5 * DAY_MS - 1) })).toBe(false)
  })

  it('is due until 1 ms before expiry, not at or after it', () => {
    expect(isReminderDue({ ...sent, now: at(7 * DAY_MS - 1) })).toBe(true)
    expect(isReminderDue({ ...sent, now: at(7 * DAY_MS) })).toBe(false)
    expect(isReminderDue({ ...sent, now: at(8 * DAY_MS) })).toBe(false)
  })

  it.each(INVITATION_STATUSES.filter((status) => status !== 'SENT'))(
    'is never due for %s',
    (status) => {
      expect(isReminderDue({ ...sent, status, now: at(6 * DAY_MS) })).toBe(false)
    }
  )

  it('is never due without sentAt or expiresAt', () => {
    expect(isReminderDue({ ...sent, sentAt: null, now: at(6 * DAY_MS) })).toBe(false)
    expect(isReminderDue({ ...sent, expiresAt: null, now: at(6 * DAY_MS) })).toBe(false)
  })

  it('is never due when reminders are off or with INVITATION_TTL_DAYS=1', () => {
    expect(isReminderDue({ ...sent, reminderHours: 0, now: at(6 * DAY_MS) })).toBe(false)
    expect(
      isReminderDue({ ...sent, expiresAt: at(DAY_MS), reminderHours: 12, now: at(18 * HOUR_MS) })
    ).toBe(false)
  })

  it('a due reminder is at least 24 h after sentAt, within H hours of expiry and before it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.integer({ min: -2 * DAY_MS, max: 32 * DAY_MS }),
        (sentMs, ttlDays, explicitSeed, nowOffsetMs) => {
          const explicit = explicitSeed === undefined ? undefined : explicitSeed % (ttlDays * 24)
          const resolved = resolveReminderHours(explicit, ttlDays)
          if (!resolved.ok) throw new Error('a value inside the range was refused')
          const reminderHours = resolved.value
          const sentAt = new Date(sentMs)
          const expiresAt = new Date(sentMs + ttlDays * DAY_MS)
          const now = new Date(sentMs + nowOffsetMs)
          const due = isReminderDue({ status: 'SENT', sentAt, expiresAt, reminderHours, now })
          const reminderAt = reminderDueAt({ sentAt, expiresAt, reminderHours })
          const minAfterSendMs = REMINDER_MIN_HOURS_AFTER_SEND * HOUR_MS
          const reminderHolds =
            reminderAt === null ||
            (reminderAt.getTime() - sentMs >= minAfterSendMs && reminderAt < expiresAt)
          const dueHolds =
            !due ||
            (nowOffsetMs >= minAfterSendMs &&
              now < expiresAt &&
              expiresAt.getTime() - now.getTime() <= reminderHours * HOUR_MS)
          expect({ reminderHolds, dueHolds }).toEqual({ reminderHolds: true, dueHolds: true })
        }
      )
    )
  })

  it('with the default hours and INVITATION_TTL_DAYS ≥ 2, every sent invitation gets its reminder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 2, max: 30 }),
        (sentMs, ttlDays) => {
          const sentAt = new Date(sentMs)
          const expiresAt = new Date(sentMs + ttlDays * DAY_MS)
          const reminderHours = defaultReminderHours(ttlDays)
          const expected = new Date(expiresAt.getTime() - reminderHours * HOUR_MS)
          expect(reminderDueAt({ sentAt, expiresAt, reminderHours })).toEqual(expected)
          expect(
            isReminderDue({ status: 'SENT', sentAt, expiresAt, reminderHours, now: expected })
          ).toBe(true)
        }
      )
    )
  })
})

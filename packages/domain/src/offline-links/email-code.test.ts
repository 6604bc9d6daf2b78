import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, addMs } from '../core/time'
import {
  decideCodeConfirmation,
  decideCodeEmail,
  EMAIL_CODE_DIGITS,
  EMAIL_CODE_MAX_TRIES,
  EMAIL_CODE_RESEND_SECONDS,
  EMAIL_CODE_SENDS_PER_DAY,
  EMAIL_CODE_TTL_MINUTES,
  isEmailCodeFormat,
  PENDING_REGISTRATION_TTL_MINUTES,
  pendingRegistrationExpiresAt,
  type PendingCodeState,
} from './email-code'

const T0 = new Date('2026-03-02T09:00:00Z')
const at = (ms: number) => addMs(T0, ms)
const limit = (retryAfterSeconds: number) => ({
  ok: false,
  error: { code: 'EMAIL_CODE_LIMIT', details: { retryAfterSeconds } },
})
const allowed = (resendAfterSeconds: number) => ({ ok: true, value: { resendAfterSeconds } })

describe('email code limits (§12.6)', () => {
  it('has the values of the document', () => {
    expect([
      EMAIL_CODE_DIGITS,
      EMAIL_CODE_TTL_MINUTES,
      PENDING_REGISTRATION_TTL_MINUTES,
      EMAIL_CODE_MAX_TRIES,
      EMAIL_CODE_SENDS_PER_DAY,
      EMAIL_CODE_RESEND_SECONDS,
    ]).toEqual([6, 10, 10, 5, 5, 60])
  })

  it('expires a pending registration exactly 10 minutes after it starts', () => {
    expect(pendingRegistrationExpiresAt(T0)).toEqual(new Date('2026-03-02T09:10:00Z'))
  })
})

describe('isEmailCodeFormat (R104)', () => {
  it.each(['000000', '012345', '999999', '123456'])('accepts %j', (text) => {
    expect(isEmailCodeFormat(text)).toBe(true)
  })

  it.each([
    '',
    '12345',
    '1234567',
    ' 123456',
    '123456 ',
    '123456\n',
    '12 456',
    '１２３４５６',
    '١٢٣٤٥٦',
    '12345a',
    '+12345',
    '-12345',
    '1e5000',
  ])('refuses %j', (text) => {
    expect(isEmailCodeFormat(text)).toBe(false)
  })

  it('accepts every 6-digit rendering of 0–999999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        expect(isEmailCodeFormat(String(n).padStart(6, '0'))).toBe(true)
      })
    )
  })
})

describe('decideCodeEmail (R102)', () => {
  it('allows a first request and asks the page to wait 60 s before resending', () => {
    expect(decideCodeEmail({ now: T0, sentAt: [] })).toEqual(allowed(60))
  })

  it('refuses a request 59 s after the last one and allows it at 60 s', () => {
    const sentAt = [T0]
    expect(decideCodeEmail({ now: at(59 * SECOND_MS), sentAt })).toEqual(limit(1))
    expect(decideCodeEmail({ now: at(60 * SECOND_MS), sentAt })).toEqual(allowed(60))
  })

  it('rounds a partial second up so the client is never early', () => {
    expect(decideCodeEmail({ now: at(30 * SECOND_MS + 1), sentAt: [T0] })).toEqual(limit(30))
    expect(decideCodeEmail({ now: at(59_999), sentAt: [T0] })).toEqual(limit(1))
  })

  it('answers the doc example: 30 s after a request, retry in 30 s', () => {
    const now = new Date('2026-03-02T09:00:00Z')
    const sentAt = [new Date('2026-03-02T08:59:30Z')]
    expect(decideCodeEmail({ now, sentAt })).toEqual(limit(30))
  })

  const fiveAnHourApart = [0, 1, 2, 3, 4].map((h) => at(h * HOUR_MS))

  it('tells the fifth request of the day to wait until the window frees', () => {
    const now = at(4 * HOUR_MS)
    // Counting this fifth one, the next is allowed when the first leaves the window: T0 + 24 h.
    expect(decideCodeEmail({ now, sentAt: fiveAnHourApart.slice(0, 4) })).toEqual(
      allowed(20 * 3600)
    )
  })

  it('refuses the sixth request in 24 h until the oldest is 24 h old', () => {
    const now = at(5 * HOUR_MS)
    expect(decideCodeEmail({ now, sentAt: fiveAnHourApart })).toEqual(limit(19 * 3600))
    expect(decideCodeEmail({ now: at(DAY_MS - 1), sentAt: fiveAnHourApart })).toEqual(limit(1))
    // Exactly 24 h later the oldest has left the window (now − 24 h, now].
    expect(decideCodeEmail({ now: at(DAY_MS), sentAt: fiveAnHourApart })).toEqual(
      allowed(3600) // the next one waits for the second request to leave: T0 + 25 h
    )
  })

  it('slides the window: each hour past the first day frees one more request', () => {
    const sentAt = [...fiveAnHourApart, at(DAY_MS)]
    expect(decideCodeEmail({ now: at(DAY_MS + 30 * MINUTE_MS), sentAt })).toEqual(limit(1800))
    expect(decideCodeEmail({ now: at(DAY_MS + HOUR_MS), sentAt })).toEqual(allowed(3600))
  })

  it('takes the later of both caps', () => {
    // Five requests a minute apart, the last just now: the daily cap (first + 24 h) dominates.
    const sentAt = [0, 1, 2, 3, 4].map((m) => at(m * MINUTE_MS))
    expect(decideCodeEmail({ now: at(4 * MINUTE_MS), sentAt })).toEqual(limit(DAY_MS / 1000 - 240))
    // Four old requests and one recent: the resend cap alone applies.
    const mixed = [at(-DAY_MS), at(-DAY_MS + 1), at(-2 * DAY_MS), at(10 * MINUTE_MS)]
    expect(decideCodeEmail({ now: at(10 * MINUTE_MS + 10 * SECOND_MS), sentAt: mixed })).toEqual(
      limit(50)
    )
  })

  it('ignores requests older than 24 h and takes requests in any order', () => {
    const old = [1, 2, 3, 4, 5, 6].map((d) => at(-d * DAY_MS))
    expect(decideCodeEmail({ now: T0, sentAt: old })).toEqual(allowed(60))
    const shuffled = [fiveAnHourApart[3], fiveAnHourApart[0], fiveAnHourApart[4]] as Date[]
    expect(decideCodeEmail({ now: at(4 * HOUR_MS + 30 * SECOND_MS), sentAt: shuffled })).toEqual(
      limit(30)
    )
  })

  it('counts a request stamped after now (another clock) strictly', () => {
    expect(decideCodeEmail({ now: T0, sentAt: [at(5 * SECOND_MS)] })).toEqual(limit(65))
  })

  it('never lets a 24 h window hold more than 5 allowed requests, nor two within 60 s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 * HOUR_MS }), { minLength: 1, maxLength: 60 }),
        (gaps) => {
          const granted: Date[] = []
          const refusals: { now: Date; retry: number; sentAt: Date[] }[] = []
          let now = T0
          for (const gap of gaps) {
            now = addMs(now, gap)
            const decision = decideCodeEmail({ now, sentAt: granted })
            if (decision.ok) granted.push(now)
            else {
              const retry = decision.error.details.retryAfterSeconds
              refusals.push({ now, retry, sentAt: [...granted] })
            }
          }
          // Waiting exactly the answered seconds is enough, and one second less is not (for a
          // 1 s answer: now itself, which was refused).
          for (const refusal of refusals) {
            const { retry, sentAt } = refusal
            expect(retry).toBeGreaterThanOrEqual(1)
            const waited = addMs(refusal.now, retry * SECOND_MS)
            expect(decideCodeEmail({ now: waited, sentAt }).ok).toBe(true)
            const early = addMs(refusal.now, Math.max(0, (retry - 1) * SECOND_MS - 1))
            expect(decideCodeEmail({ now: early, sentAt }).ok).toBe(false)
          }
          const times = granted.map((g) => g.getTime())
          for (let i = 1; i < times.length; i += 1) {
            expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(60 * SECOND_MS)
          }
          for (const t of times) {
            const inWindow = times.filter((g) => g > t - DAY_MS && g <= t)
            expect(inWindow.length).toBeLessThanOrEqual(EMAIL_CODE_SENDS_PER_DAY)
          }
        }
      )
    )
  })

  it('allows whenever both caps are met (the limit refuses nothing more)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2 * DAY_MS, max: 0 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: DAY_MS }),
        (offsets, later) => {
          const sentAt = offsets.map((o) => at(o))
          const now = at(later)
          const t = now.getTime()
          const inWindow = sentAt.filter((s) => s.getTime() > t - DAY_MS).length
          const newest = Math.max(...offsets.map((o) => T0.getTime() + o), -Infinity)
          const expected = inWindow < EMAIL_CODE_SENDS_PER_DAY && t - newest >= 60 * SECOND_MS
          expect(decideCodeEmail({ now, sentAt }).ok).toBe(expected)
        }
      )
    )
  })
})

describe('decideCodeConfirmation (R104)', () => {
  const expiresAt = pendingRegistrationExpiresAt(T0)
  const pending = (over: Partial<PendingCodeState> = {}): PendingCodeState => ({
    status: 'PENDING',
    expiresAt,
    tries: 0,
    ...over,
  })
  const now = at(5 * MINUTE_MS)
  const expired = { result: { ok: false, error: { code: 'EMAIL_CODE_EXPIRED' } }, write: null }
  const exhausted = {
    result: { ok: false, error: { code: 'EMAIL_CODE_TRIES_EXHAUSTED' } },
    write: null,
  }

  it('confirms a matching code and writes nothing itself', () => {
    expect(decideCodeConfirmation({ now, pending: pending(), codeMatches: true })).toEqual({
      result: { ok: true, value: 'MATCHED' },
      write: null,
    })
  })

  it('counts a wrong code and answers the tries left', () => {
    expect(decideCodeConfirmation({ now, pending: pending(), codeMatches: false })).toEqual({
      result: { ok: false, error: { code: 'EMAIL_CODE_INVALID', details: { triesLeft: 4 } } },
      write: { tries: 1, status: 'PENDING' },
    })
    expect(
      decideCodeConfirmation({ now, pending: pending({ tries: 3 }), codeMatches: false })
    ).toEqual({
      result: { ok: false, error: { code: 'EMAIL_CODE_INVALID', details: { triesLeft: 1 } } },
      write: { tries: 4, status: 'PENDING' },
    })
  })

  it('voids the row on the fifth wrong code', () => {
    expect(
      decideCodeConfirmation({ now, pending: pending({ tries: 4 }), codeMatches: false })
    ).toEqual({
      result: { ok: false, error: { code: 'EMAIL_CODE_TRIES_EXHAUSTED' } },
      write: { tries: 5, status: 'VOID' },
    })
  })

  it('refuses a correct sixth code after five wrong ones', () => {
    let row = pending()
    for (let i = 0; i < EMAIL_CODE_MAX_TRIES; i += 1) {
      const { write } = decideCodeConfirmation({ now, pending: row, codeMatches: false })
      row = { ...row, ...write }
    }
    expect(row).toMatchObject({ tries: 5, status: 'VOID' })
    expect(decideCodeConfirmation({ now, pending: row, codeMatches: true })).toEqual(exhausted)
  })

  it('expires at exactly 10 minutes, not a millisecond before', () => {
    const before = addMs(expiresAt, -1)
    expect(
      decideCodeConfirmation({ now: before, pending: pending(), codeMatches: true }).result.ok
    ).toBe(true)
    expect(
      decideCodeConfirmation({ now: expiresAt, pending: pending(), codeMatches: true })
    ).toEqual(expired)
    // An expired row counts no wrong try.
    expect(
      decideCodeConfirmation({ now: expiresAt, pending: pending(), codeMatches: false })
    ).toEqual(expired)
  })

  it('answers EXPIRED for an unknown, confirmed or superseded row', () => {
    for (const row of [
      null,
      pending({ status: 'CONFIRMED' }),
      pending({ status: 'VOID', tries: 2 }),
    ]) {
      expect(decideCodeConfirmation({ now, pending: row, codeMatches: true })).toEqual(expired)
    }
  })

  it('answers TRIES_EXHAUSTED for a row voided by tries, before its expiry', () => {
    const row = pending({ status: 'VOID', tries: 5 })
    expect(
      decideCodeConfirmation({ now: addMs(expiresAt, HOUR_MS), pending: row, codeMatches: false })
    ).toEqual(exhausted)
  })

  it('never writes more than 5 tries, and voids exactly at the fifth', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (matches) => {
        let row = pending()
        let wrong = 0
        for (const codeMatches of matches) {
          const { result, write } = decideCodeConfirmation({ now, pending: row, codeMatches })
          expect(result.ok).toBe(row.status === 'PENDING' && codeMatches)
          if (row.status === 'PENDING' && !codeMatches) wrong += 1
          if (write) row = { ...row, ...write }
          expect(row.tries).toBe(Math.min(wrong, EMAIL_CODE_MAX_TRIES))
          expect(row.status).toBe(wrong >= EMAIL_CODE_MAX_TRIES ? 'VOID' : 'PENDING')
        }
      })
    )
  })
})

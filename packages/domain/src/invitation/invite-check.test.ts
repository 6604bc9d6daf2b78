import { describe, expect, it } from 'vitest'
import { at, preregistration } from '../../test/fixtures'
import { DAY_MS, HOUR_MS } from '../core/time'
import { checkDailyCap, checkInvite } from './invite-check'

const now = at(0)

describe('checkInvite (R40: R38 steps 2–4)', () => {
  it('allows a pre-registered row with an email and no recent invitation', () => {
    expect(checkInvite({ preregistration: preregistration(), now })).toEqual({ allowed: true })
    expect(
      checkInvite({ preregistration: preregistration(), latestInvitation: null, now })
    ).toEqual({ allowed: true })
  })

  it.each([
    [{ status: 'DELETED' }, 'PREREGISTRATION_NOT_ACTIVE'],
    [{ status: 'CONVERTED' }, 'PREREGISTRATION_NOT_ACTIVE'],
    [{ status: 'REJECTED' }, 'PREREGISTRATION_NOT_ACTIVE'],
    [{ emailCanonical: null }, 'EMAIL_REQUIRED'],
  ] as const)('refuses %j with %s', (overrides, code) => {
    expect(checkInvite({ preregistration: preregistration(overrides), now })).toEqual({
      allowed: false,
      code,
    })
  })

  it('reports the cooldown rounded up to whole seconds', () => {
    const check = checkInvite({
      preregistration: preregistration(),
      latestInvitation: { createdAt: at(-9 * 60_000 - 59_500) },
      now,
    })
    expect(check).toEqual({ allowed: false, code: 'RESEND_COOLDOWN', retryAfterSeconds: 1 })
  })
})

describe('checkDailyCap (R38 steps 5–6, R46)', () => {
  it('allows below the cap and ignores invitations outside the window', () => {
    expect(
      checkDailyCap({
        times: [at(-DAY_MS), at(-DAY_MS - 1), at(1)],
        cap: 1,
        now,
        code: 'PARTNER_DAILY_CAP',
      })
    ).toEqual({ allowed: true })
  })

  it('waits for the oldest counted invitation when exactly at the cap', () => {
    const times = [at(-HOUR_MS), at(-3 * HOUR_MS)]
    expect(checkDailyCap({ times, cap: 2, now, code: 'RECIPIENT_DAILY_CAP' })).toEqual({
      allowed: false,
      code: 'RECIPIENT_DAILY_CAP',
      retryAfterSeconds: 21 * 3600,
    })
  })

  it('waits long enough for one more to fit after the cap was lowered (R12)', () => {
    const times = [at(-HOUR_MS), at(-2 * HOUR_MS), at(-3 * HOUR_MS)]
    expect(checkDailyCap({ times, cap: 1, now, code: 'PARTNER_DAILY_CAP' })).toEqual({
      allowed: false,
      code: 'PARTNER_DAILY_CAP',
      retryAfterSeconds: 23 * 3600,
    })
  })
})

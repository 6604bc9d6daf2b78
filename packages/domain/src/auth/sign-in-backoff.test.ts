import { describe, expect, it } from 'vitest'
import {
  decideSignInAttempt,
  signInDelaySeconds,
  SIGN_IN_LIMITS,
  type SignInBackoffState,
} from './sign-in-backoff'

const T = new Date('2026-03-02T09:00:00.000Z')
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000)

describe('signInDelaySeconds (R59)', () => {
  it('doubles from 1 s per consecutive failure up to the cap', () => {
    const delays = Array.from({ length: 13 }, (_, i) => signInDelaySeconds(i + 1, 900))
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900])
    expect(signInDelaySeconds(0, 900)).toBe(0)
    expect(signInDelaySeconds(10_000, 900)).toBe(900)
  })

  it('is off with a cap of 0', () => {
    expect(signInDelaySeconds(5, 0)).toBe(0)
  })
})

describe('decideSignInAttempt (R59)', () => {
  const cap = SIGN_IN_LIMITS.BACKOFF_CAP_SECONDS

  it('claims the attempt as the next failure of the streak', () => {
    const first = decideSignInAttempt({ state: null, now: T, capSeconds: cap })
    expect(first).toEqual({
      allowed: true,
      claimed: { failures: 1, nextAllowedAt: at(1), lastFailureAt: T },
    })
  })

  it('refuses an unknown address until the delay ends, with the seconds left', () => {
    const state: SignInBackoffState = { failures: 3, nextAllowedAt: at(4), lastFailureAt: T }
    expect(decideSignInAttempt({ state, now: at(0.5), capSeconds: cap })).toEqual({
      allowed: false,
      retryAfterSeconds: 4,
    })
    const later = decideSignInAttempt({ state, now: at(4), capSeconds: cap })
    expect(later).toEqual({
      allowed: true,
      claimed: { failures: 4, nextAllowedAt: at(12), lastFailureAt: at(4) },
    })
  })

  it('forgets a streak a day after its last failure', () => {
    const state: SignInBackoffState = { failures: 12, nextAllowedAt: at(900), lastFailureAt: T }
    const now = at(SIGN_IN_LIMITS.STREAK_MEMORY_SECONDS)
    expect(decideSignInAttempt({ state, now, capSeconds: cap })).toEqual({
      allowed: true,
      claimed: {
        failures: 1,
        nextAllowedAt: at(SIGN_IN_LIMITS.STREAK_MEMORY_SECONDS + 1),
        lastFailureAt: now,
      },
    })
  })

  it('never delays with a cap of 0', () => {
    const state: SignInBackoffState = { failures: 50, nextAllowedAt: T, lastFailureAt: T }
    const decision = decideSignInAttempt({ state, now: T, capSeconds: 0 })
    expect(decision.allowed).toBe(true)
  })
})

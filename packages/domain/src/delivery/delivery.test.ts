import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../core/limits'
import { computeBackoffSeconds } from './backoff'
import {
  classifySmtpFailure,
  decideDeliveryFailure,
  invitationMessageId,
  reminderMessageId,
} from './smtp-failure'

describe('computeBackoffSeconds (R53)', () => {
  it.each([
    [1, 0, 15],
    [1, 1, 30],
    [2, 0, 30],
    [3, 0.5, 90],
    [8, 0, 1800],
    [8, 0.9999, 3599.82],
    [50, 0, 1800],
    [0, 0, 15],
    [Number.NaN, Number.NaN, 15],
    [1, 7, 30],
    [1, -3, 15],
  ])('waits for attempt %s with random %s: %s s', (attempt, random, seconds) => {
    expect(computeBackoffSeconds({ attempt, random })).toBe(seconds)
  })

  it('stays within [0.5, 1] × min(cap, base × 2^(attempt−1))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, random) => {
          const delay = Math.min(3600, 30 * 2 ** (attempt - 1))
          const seconds = computeBackoffSeconds({ attempt, random })
          expect(seconds).toBeGreaterThanOrEqual(delay * 0.5 - 0.001)
          expect(seconds).toBeLessThanOrEqual(delay + 0.001)
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('SMTP failures (R53)', () => {
  it.each([
    [550, 'PERMANENT'],
    [554, 'PERMANENT'],
    [421, 'TEMPORARY'],
    [451, 'TEMPORARY'],
    [null, 'TEMPORARY'],
    [undefined, 'TEMPORARY'],
    [250, 'TEMPORARY'],
    [600, 'TEMPORARY'],
  ])('classifies reply %s as %s', (code, kind) => {
    expect(classifySmtpFailure(code)).toBe(kind)
  })

  it('gives up on a permanent failure or after the last attempt', () => {
    expect(decideDeliveryFailure({ replyCode: 550, attemptCount: 1 })).toBe('GIVE_UP')
    expect(
      decideDeliveryFailure({
        replyCode: 421,
        attemptCount: DEFAULT_LIMITS.OUTBOX_MAX_ATTEMPTS - 1,
      })
    ).toBe('RETRY')
    expect(
      decideDeliveryFailure({ replyCode: null, attemptCount: DEFAULT_LIMITS.OUTBOX_MAX_ATTEMPTS })
    ).toBe('GIVE_UP')
  })

  it('gives up at once on a failure known to be permanent without a reply code', () => {
    expect(decideDeliveryFailure({ permanent: true, replyCode: null, attemptCount: 1 })).toBe(
      'GIVE_UP'
    )
    expect(decideDeliveryFailure({ permanent: false, attemptCount: 1 })).toBe('RETRY')
  })

  it('uses one Message-ID per invitation (§3.5)', () => {
    expect(invitationMessageId('i1', 'partner-center.local')).toBe(
      '<invitation.i1@partner-center.local>'
    )
  })

  it('gives the reminder its own Message-ID, the same for every attempt (R117)', () => {
    expect(reminderMessageId('i1', 'partner-center.local')).toBe(
      '<invitation.i1.reminder@partner-center.local>'
    )
  })
})

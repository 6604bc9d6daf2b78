import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { at, invitation } from '../../test/fixtures'
import { INVITATION_STATUSES, TERMINAL_INVITATION_STATUSES } from '../core/statuses'
import { DAY_MS } from '../core/time'
import { FAILURE_CODES } from '../failures/failure-codes'
import { createQueuedInvitation } from './create-invitation'
import {
  effectiveInvitationStatus,
  isInvitationLive,
  isTerminalInvitationStatus,
} from './invitation-status'
import type { InvitationEvent } from './transition-invitation'
import { INVITATION_EVENT_TYPES, transitionInvitation } from './transition-invitation'

const now = at(0)
const queued = invitation({
  status: 'QUEUED',
  expiresAt: null,
  sentAt: null,
  attemptCount: 0,
  lastAttemptAt: null,
})

function codeOf(result: ReturnType<typeof transitionInvitation>) {
  return result.ok ? result.value.status : result.error.code
}

const eventArb: fc.Arbitrary<InvitationEvent> = fc.oneof(
  fc.constant({ type: 'TOKEN_ISSUED' as const }),
  fc.constant({ type: 'SEND_SUCCEEDED' as const }),
  fc.boolean().map((permanent) => ({ type: 'SEND_FAILED' as const, permanent })),
  fc.constant({ type: 'SUPERSEDED' as const, byInvitationId: 'i2' }),
  fc.constant({ type: 'PREREGISTRATION_DELETED' as const }),
  fc.constant({ type: 'EXPIRE' as const }),
  fc.constant({ type: 'ACCEPTED' as const, customerAccountId: 'c1', associationId: 'a1' }),
  fc.constantFrom(...FAILURE_CODES).map((failureCode) => ({
    type: 'ASSOCIATION_FAILED' as const,
    customerAccountId: 'c1',
    failureCode,
  }))
)

describe('effective invitation status (I7)', () => {
  it('expires a live invitation at expiresAt, not before', () => {
    const sent = invitation({ expiresAt: at(DAY_MS) })
    expect(effectiveInvitationStatus(sent, at(DAY_MS - 1))).toBe('SENT')
    expect(effectiveInvitationStatus(sent, at(DAY_MS))).toBe('EXPIRED')
    expect(isInvitationLive(sent, at(DAY_MS))).toBe(false)
  })

  it('keeps a queued invitation without a token live', () => {
    expect(isInvitationLive(queued, at(99 * DAY_MS))).toBe(true)
  })

  it('never expires a terminal invitation again', () => {
    expect(
      effectiveInvitationStatus(invitation({ status: 'ACCEPTED', expiresAt: at(-1) }), now)
    ).toBe('ACCEPTED')
  })

  it('is monotonic in time: never live again after it stopped being live', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INVITATION_STATUSES),
        fc.option(fc.integer({ min: -10 * DAY_MS, max: 10 * DAY_MS })),
        fc.integer({ min: -10 * DAY_MS, max: 10 * DAY_MS }),
        fc.nat(20 * DAY_MS),
        (status, expiresOffset, t, gap) => {
          const inv = invitation({
            status,
            expiresAt: expiresOffset === null ? null : at(expiresOffset),
          })
          const early = effectiveInvitationStatus(inv, at(t))
          const late = effectiveInvitationStatus(inv, at(t + gap))
          expect(early !== 'EXPIRED' || late === 'EXPIRED').toBe(true)
          expect(!isInvitationLive(inv, at(t + gap)) || isInvitationLive(inv, at(t))).toBe(true)
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('transitionInvitation (§4.2)', () => {
  it('sets expiresAt on the first token only and never moves it (R51)', () => {
    const first = transitionInvitation(queued, { type: 'TOKEN_ISSUED' }, now)
    expect(first.ok && first.value).toMatchObject({
      expiresAt: at(7 * DAY_MS),
      attemptCount: 1,
      lastAttemptAt: now,
    })
    if (!first.ok) return
    const failed = transitionInvitation(
      first.value,
      { type: 'SEND_FAILED', permanent: false },
      at(60_000)
    )
    if (!failed.ok) throw new Error('expected a retry')
    const second = transitionInvitation(failed.value, { type: 'TOKEN_ISSUED' }, at(DAY_MS))
    expect(second.ok && second.value).toMatchObject({
      expiresAt: at(7 * DAY_MS),
      attemptCount: 2,
      status: 'SEND_FAILED',
    })
  })

  it('marks SENT and keeps the first sentAt (I2)', () => {
    const result = transitionInvitation(
      { ...queued, sentAt: at(-5) },
      { type: 'SEND_SUCCEEDED' },
      now
    )
    expect(result.ok && result.value).toMatchObject({ status: 'SENT', sentAt: at(-5) })
    const fresh = transitionInvitation(queued, { type: 'SEND_SUCCEEDED' }, now)
    expect(fresh.ok && fresh.value.sentAt).toEqual(now)
  })

  it.each([
    [1, false, 'SEND_FAILED'],
    [7, false, 'SEND_FAILED'],
    [8, false, 'FAILED_TO_SEND'],
    [1, true, 'FAILED_TO_SEND'],
  ])('after attempt %i (permanent %s) goes to %s (I3, I4)', (attemptCount, permanent, status) => {
    const result = transitionInvitation(
      { ...queued, attemptCount },
      { type: 'SEND_FAILED', permanent },
      now
    )
    expect(codeOf(result)).toBe(status)
    expect(result.ok && result.value.failureCode).toBe(
      status === 'FAILED_TO_SEND' ? 'DELIVERY_FAILED' : null
    )
  })

  it.each(['QUEUED', 'SENT', 'SEND_FAILED'] as const)(
    'supersedes, revokes and accepts from %s',
    (status) => {
      const live = invitation({ status })
      expect(
        transitionInvitation(live, { type: 'SUPERSEDED', byInvitationId: 'i2' }, now)
      ).toMatchObject({ ok: true, value: { status: 'SUPERSEDED', supersededById: 'i2' } })
      expect(codeOf(transitionInvitation(live, { type: 'PREREGISTRATION_DELETED' }, now))).toBe(
        'REVOKED'
      )
      expect(
        transitionInvitation(
          live,
          { type: 'ACCEPTED', customerAccountId: 'c1', associationId: 'a1' },
          now
        )
      ).toMatchObject({
        ok: true,
        value: {
          status: 'ACCEPTED',
          acceptedAt: now,
          acceptedCustomerAccountId: 'c1',
          associationId: 'a1',
        },
      })
      expect(
        transitionInvitation(
          live,
          { type: 'ASSOCIATION_FAILED', customerAccountId: 'c1', failureCode: 'UNPAID_BILLS' },
          now
        )
      ).toMatchObject({
        ok: true,
        value: {
          status: 'ASSOCIATION_FAILED',
          failureCode: 'UNPAID_BILLS',
          failedAt: now,
          failedCustomerAccountId: 'c1',
        },
      })
    }
  )

  it('expires only from expiresAt on (I7)', () => {
    const sent = invitation({ expiresAt: at(DAY_MS) })
    expect(codeOf(transitionInvitation(sent, { type: 'EXPIRE' }, at(DAY_MS - 1)))).toBe('INTERNAL')
    expect(codeOf(transitionInvitation(sent, { type: 'EXPIRE' }, at(DAY_MS)))).toBe('EXPIRED')
  })

  it('refuses every event but EXPIRE once expiresAt has passed (R39)', () => {
    const sent = invitation({ expiresAt: at(-1) })
    const result = transitionInvitation(sent, { type: 'SUPERSEDED', byInvitationId: 'i2' }, now)
    expect(result).toEqual({
      ok: false,
      error: { code: 'LINK_EXPIRED', details: { from: 'EXPIRED', event: 'SUPERSEDED' } },
    })
  })

  it('refuses accepting before any token was issued', () => {
    expect(
      codeOf(
        transitionInvitation(
          queued,
          { type: 'ACCEPTED', customerAccountId: 'c', associationId: 'a' },
          now
        )
      )
    ).toBe('INTERNAL')
    expect(
      codeOf(
        transitionInvitation(
          queued,
          { type: 'ASSOCIATION_FAILED', customerAccountId: 'c', failureCode: 'UNPAID_BILLS' },
          now
        )
      )
    ).toBe('INTERNAL')
  })

  it('refuses delivery events on a SENT invitation', () => {
    const sent = invitation()
    for (const event of [
      { type: 'TOKEN_ISSUED' },
      { type: 'SEND_SUCCEEDED' },
      { type: 'SEND_FAILED', permanent: false },
    ] as const) {
      expect(codeOf(transitionInvitation(sent, event, now))).toBe('INTERNAL')
    }
  })

  it.each([
    ['ACCEPTED', 'LINK_ALREADY_USED'],
    ['SUPERSEDED', 'LINK_SUPERSEDED'],
    ['REVOKED', 'LINK_REVOKED'],
    ['FAILED_TO_SEND', 'LINK_REVOKED'],
    ['EXPIRED', 'LINK_EXPIRED'],
  ] as const)('refuses to leave %s with %s', (status, code) => {
    expect(
      codeOf(transitionInvitation(invitation({ status }), { type: 'SEND_SUCCEEDED' }, now))
    ).toBe(code)
  })

  it('never leaves a terminal state, whatever the event and instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TERMINAL_INVITATION_STATUSES),
        eventArb,
        fc.integer({ min: -30 * DAY_MS, max: 30 * DAY_MS }),
        fc.option(fc.integer({ min: -30 * DAY_MS, max: 30 * DAY_MS })),
        (status, event, t, expires) => {
          const inv = invitation({
            status,
            failureCode: 'UNPAID_BILLS',
            expiresAt: expires === null ? null : at(expires),
          })
          const result = transitionInvitation(inv, event, at(t))
          expect(result.ok).toBe(false)
          expect(isTerminalInvitationStatus(status)).toBe(true)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('knows every event type', () => {
    expect(INVITATION_EVENT_TYPES).toHaveLength(12)
  })

  it('revokes a live invitation whose pre-registration converted through a link (I6c)', () => {
    for (const status of ['QUEUED', 'SENT', 'SEND_FAILED'] as const) {
      const live = invitation({ status, expiresAt: status === 'QUEUED' ? null : at(DAY_MS) })
      expect(transitionInvitation(live, { type: 'LINK_ASSOCIATED' }, at(0))).toMatchObject({
        ok: true,
        value: { status: 'REVOKED', failureCode: 'LINK_ASSOCIATED' },
      })
    }
    const accepted = invitation({ status: 'ACCEPTED', expiresAt: at(DAY_MS) })
    expect(transitionInvitation(accepted, { type: 'LINK_ASSOCIATED' }, at(0)).ok).toBe(false)
  })
})

describe('createQueuedInvitation (I1)', () => {
  it('copies recipient and locale from the pre-registration and has no token yet', () => {
    const row = createQueuedInvitation({
      id: 'i2',
      batchId: 'b1',
      createdByUserId: 'u1',
      associationType: 'referral',
      preregistration: {
        id: 'r1',
        partnerId: 'p1',
        email: 'New.Beta@customer.example',
        emailCanonical: 'new.beta@customer.example',
        locale: 'zh-CN',
      },
      supersedesId: 'i1',
      now,
    })
    expect(row).toMatchObject({
      status: 'QUEUED',
      recipientEmail: 'New.Beta@customer.example',
      recipientEmailCanonical: 'new.beta@customer.example',
      locale: 'zh-CN',
      expiresAt: null,
      supersedesId: 'i1',
      createdAt: now,
      channel: 'email',
    })
    const first = createQueuedInvitation({
      ...row,
      preregistration: {
        id: 'r1',
        partnerId: 'p1',
        email: 'a@b.example',
        emailCanonical: 'a@b.example',
        locale: 'en',
      },
      supersedesId: undefined,
      now,
    })
    expect(first.supersedesId).toBeNull()
  })
})

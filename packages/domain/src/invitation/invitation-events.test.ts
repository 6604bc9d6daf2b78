import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { at, invitation } from '../../test/fixtures'
import { AUDIT_ACTIONS } from '../core/audit'
import {
  appliesFrom,
  auditActionOf,
  fromStatuses,
  statusAfter,
  writtenStatus,
} from '../core/state-event'
import {
  INVITATION_STATUSES,
  LIVE_INVITATION_STATUSES,
  TERMINAL_INVITATION_STATUSES,
} from '../core/statuses'
import { DAY_MS } from '../core/time'
import { INVITATION_EVENT_NAMES, INVITATION_EVENTS } from './invitation-events'
import { decideRenewalRequest } from './renewal-request'
import type { InvitationEvent } from './transition-invitation'
import {
  INVITATION_EVENT_TYPES,
  invitationEventName,
  transitionInvitation,
} from './transition-invitation'

const now = at(0)

// The events of §12.3.2 that create a row in their to-state (I10, I11): `from` is none.
const CREATION_EVENTS: readonly string[] = ['LINK_ACCEPTED', 'LINK_ASSOCIATION_FAILED']

// One event of each type transitionInvitation takes; SEND_FAILED twice (retry and give up).
const EVENTS: readonly [InvitationEvent, number][] = [
  [{ type: 'TOKEN_ISSUED' }, 1],
  [{ type: 'SEND_SUCCEEDED' }, 1],
  [{ type: 'SEND_FAILED', permanent: false }, 1],
  [{ type: 'SEND_FAILED', permanent: true }, 1],
  [{ type: 'SEND_FAILED', permanent: false }, 8],
  [{ type: 'SUPERSEDED', byInvitationId: 'i2' }, 1],
  [{ type: 'PREREGISTRATION_DELETED' }, 1],
  [{ type: 'IDENTITY_MERGED' }, 1],
  [{ type: 'LINK_ASSOCIATED' }, 1],
  [{ type: 'REMINDER_TOKEN_ISSUED' }, 1],
  [{ type: 'REMINDER_SENT' }, 1],
  [{ type: 'EXPIRE' }, 1],
  [{ type: 'ACCEPTED', customerAccountId: 'c1', associationId: 'a1' }, 1],
  [{ type: 'ASSOCIATION_FAILED', customerAccountId: 'c1', failureCode: 'UNPAID_BILLS' }, 1],
]

describe('INVITATION_EVENTS (§4.2 as data)', () => {
  it('names statuses and audit actions that exist, one audit event per status change (R75)', () => {
    const statuses: readonly string[] = INVITATION_STATUSES
    const actions: readonly string[] = AUDIT_ACTIONS
    const problems = INVITATION_EVENT_NAMES.flatMap((name) => {
      const event = INVITATION_EVENTS[name]
      return [
        event.from.length === 0 && !CREATION_EVENTS.includes(name) && `${name} applies from none`,
        event.from.some((status) => !statuses.includes(status)) && `${name}: unknown from-state`,
        event.to !== 'unchanged' && !statuses.includes(event.to) && `${name}: unknown to-state`,
        event.audit !== null && !actions.includes(event.audit) && `${name}: unknown audit action`,
        event.to !== 'unchanged' && event.audit === null && `${name} changes status unaudited`,
      ].filter(Boolean)
    })
    expect(problems).toEqual([])
    const rules = INVITATION_EVENT_NAMES.map((name) => INVITATION_EVENTS[name].rule)
    expect(new Set(rules).size).toBe(rules.length)
  })

  it('makes terminal exactly the statuses no status-changing event leaves', () => {
    const changing = INVITATION_EVENT_NAMES.map((name) => INVITATION_EVENTS[name]).filter(
      (event) => event.to !== 'unchanged'
    )
    const left = new Set(fromStatuses(...changing))
    expect(INVITATION_STATUSES.filter((status) => !left.has(status))).toEqual([
      ...TERMINAL_INVITATION_STATUSES,
    ])
    expect([...left].sort()).toEqual([...LIVE_INVITATION_STATUSES].sort())
  })

  it('answers the written status and the audit action, refusing events without one', () => {
    expect(writtenStatus(INVITATION_EVENTS.ACCEPTED)).toBe('ACCEPTED')
    expect(auditActionOf(INVITATION_EVENTS.EXPIRE)).toBe('invitation.expired')
    expect(() => writtenStatus(INVITATION_EVENTS.TOKEN_ISSUED)).toThrow('writes no status')
    expect(() => auditActionOf(INVITATION_EVENTS.TOKEN_ISSUED)).toThrow('records no audit')
  })

  it('creates link rows terminal: I10 and I11 apply from none, I6c revokes a live row', () => {
    const created = INVITATION_EVENT_NAMES.filter(
      (name) => INVITATION_EVENTS[name].from.length === 0
    )
    expect(created).toEqual(CREATION_EVENTS)
    expect(created.map((name) => INVITATION_EVENTS[name].to)).toEqual([
      'ACCEPTED',
      'ASSOCIATION_FAILED',
    ])
    expect(INVITATION_EVENTS.LINK_ASSOCIATED).toMatchObject({
      rule: 'I6c',
      from: ['QUEUED', 'SENT', 'SEND_FAILED'],
      to: 'REVOKED',
      audit: 'invitation.revoked',
    })
  })

  it('lets only the clock event read the stored status', () => {
    const clock = INVITATION_EVENT_NAMES.filter((name) => INVITATION_EVENTS[name].clock)
    expect(clock).toEqual(['EXPIRE'])
  })

  it('maps every event type of transitionInvitation to a row', () => {
    const names = new Set(
      EVENTS.map(([event, attempts]) =>
        invitationEventName(event, invitation({ attemptCount: attempts }))
      )
    )
    const types: string[] = INVITATION_EVENT_TYPES.filter((type) => type !== 'SEND_FAILED')
    expect([...names].sort()).toEqual([...types, 'SEND_RETRY', 'SEND_GAVE_UP'].sort())
  })
})

describe('transitionInvitation reads INVITATION_EVENTS', () => {
  it.each(INVITATION_STATUSES)(
    'from %s, applies exactly the events whose from-states hold it, writing their to-state',
    (status) => {
      const outcomes = EVENTS.map(([event, attemptCount]) => {
        // A token issued, expiresAt a day ahead (or just passed for the clock event).
        const row = INVITATION_EVENTS[invitationEventName(event, { attemptCount })]
        const expiresAt = row.clock ? at(-1) : at(DAY_MS)
        const result = transitionInvitation(
          invitation({ status, attemptCount, expiresAt }),
          event,
          now
        )
        const expected = appliesFrom(row, status) ? statusAfter(row, status) : 'refused'
        return [event.type, result.ok ? result.value.status : 'refused', expected]
      })
      expect(outcomes.filter(([, actual, expected]) => actual !== expected)).toEqual([])
    }
  )

  it('never applies an event outside its row, whatever the instant and expiry', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INVITATION_STATUSES),
        fc.constantFrom(...EVENTS),
        fc.option(fc.integer({ min: -10 * DAY_MS, max: 10 * DAY_MS })),
        fc.integer({ min: -10 * DAY_MS, max: 10 * DAY_MS }),
        (status, [event, attemptCount], expires, t) => {
          const current = invitation({
            status,
            attemptCount,
            expiresAt: expires === null ? null : at(expires),
          })
          const result = transitionInvitation(current, event, at(t))
          const row = INVITATION_EVENTS[invitationEventName(event, current)]
          const allowed = appliesFrom(row, status) ? statusAfter(row, status) : 'refused'
          const actual = result.ok ? result.value.status : 'refused'
          // Refused, or applied as its row says: from a from-state, to the row's to-state.
          expect(actual === 'refused' || actual === allowed).toBe(true)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('marks the identity merge on the revoked invitation (I6b)', () => {
    expect(transitionInvitation(invitation(), { type: 'IDENTITY_MERGED' }, now)).toMatchObject({
      ok: true,
      value: { status: 'REVOKED', failureCode: 'IDENTITY_MERGED' },
    })
  })
})

describe('decideRenewalRequest reads INVITATION_EVENTS.RENEWAL_REQUESTED (R72)', () => {
  it.each(INVITATION_STATUSES)('from %s requests a renewal only from a from-state', (status) => {
    const current = {
      ...invitation({ status, expiresAt: at(DAY_MS) }),
      failureCode: status === 'ASSOCIATION_FAILED' ? ('UNPAID_BILLS' as const) : null,
    }
    const decision = decideRenewalRequest(current, now)
    const requested = decision.ok && decision.value.action === 'REQUEST'
    expect(requested).toBe(appliesFrom(INVITATION_EVENTS.RENEWAL_REQUESTED, status))
  })

  it('treats a live invitation past expiresAt as EXPIRED', () => {
    const lapsed = invitation({ status: 'SENT', expiresAt: at(-1) })
    expect(decideRenewalRequest(lapsed, now)).toMatchObject({
      ok: true,
      value: { action: 'REQUEST', reason: 'LINK_EXPIRED' },
    })
  })
})

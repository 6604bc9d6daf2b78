import { describe, expect, it } from 'vitest'
import { account, at, invitation, partner, preregistration } from '../../test/fixtures'
import { decideAcceptance } from '../association/decide-acceptance'
import { AUDIT_ACTIONS } from '../core/audit'
import { appliesFrom, fromStatuses, statusAfter } from '../core/state-event'
import { PREREGISTRATION_STATUSES } from '../core/statuses'
import { DAY_MS } from '../core/time'
import { decideDeletion } from './decide-deletion'
import { decideReview } from './decide-review'
import { PREREGISTRATION_EVENT_NAMES, PREREGISTRATION_EVENTS } from './preregistration-events'
import { effectivePreregistrationStatus } from './preregistration-status'

const now = at(0)
const E = PREREGISTRATION_EVENTS

// A row of each status whose own clock has not run out: its effective status is its status.
const rowOf = (status: (typeof PREREGISTRATION_STATUSES)[number]) =>
  preregistration({
    status,
    validUntil: at(DAY_MS),
    reviewDeadline: at(DAY_MS),
    emailCanonical: 'fresh.eligible@customer.example',
    customerAccountId: 'acc-1',
  })

describe('PREREGISTRATION_EVENTS (§4.1 as data)', () => {
  it('names statuses and audit actions that exist, one audit event per status change (R75)', () => {
    const statuses: readonly string[] = PREREGISTRATION_STATUSES
    const actions: readonly string[] = AUDIT_ACTIONS
    const problems = PREREGISTRATION_EVENT_NAMES.flatMap((name) => {
      const event = E[name]
      return [
        event.from.length === 0 && name !== 'LINK_CREATED_CONVERTED' && `${name} applies from none`,
        event.from.some((status) => !statuses.includes(status)) && `${name}: unknown from-state`,
        event.to !== 'unchanged' && !statuses.includes(event.to) && `${name}: unknown to-state`,
        (event.audit === null || !actions.includes(event.audit)) && `${name}: no audit action`,
      ].filter(Boolean)
    })
    expect(problems).toEqual([])
    const rules = PREREGISTRATION_EVENT_NAMES.map((name) => E[name].rule)
    expect(new Set(rules).size).toBe(rules.length)
  })

  it('makes CONVERTED and DELETED the only statuses no status-changing event leaves', () => {
    const changing = PREREGISTRATION_EVENT_NAMES.map((name) => E[name]).filter(
      (event) => event.to !== 'unchanged'
    )
    const left = new Set(fromStatuses(...changing))
    expect(PREREGISTRATION_STATUSES.filter((status) => !left.has(status))).toEqual([
      'CONVERTED',
      'DELETED',
    ])
  })

  it('lets the clock events read the stored status and write the effective EXPIRED (R30)', () => {
    const clock = PREREGISTRATION_EVENT_NAMES.filter((name) => E[name].clock)
    expect(clock).toEqual(['REVIEW_LAPSED', 'VALIDITY_LAPSED'])
    const byClock = PREREGISTRATION_STATUSES.map((status) => {
      const lapsed = preregistration({ status, validUntil: at(-1), reviewDeadline: at(-1) })
      return [status, effectivePreregistrationStatus(lapsed, now)]
    })
    const byTable = PREREGISTRATION_STATUSES.map((status) => {
      const event = [E.REVIEW_LAPSED, E.VALIDITY_LAPSED].find((e) => appliesFrom(e, status))
      return [status, event ? statusAfter(event, status) : status]
    })
    expect(byTable).toEqual(byClock)
  })

  it('converts through a link from every status but CONVERTED and DELETED, or creates (P9a, P9b)', () => {
    expect(E.LINK_CONVERTED.from).toEqual(
      PREREGISTRATION_STATUSES.filter((s) => s !== 'CONVERTED' && s !== 'DELETED')
    )
    expect([E.LINK_CONVERTED.to, E.LINK_CREATED_CONVERTED.to]).toEqual(['CONVERTED', 'CONVERTED'])
    expect(E.LINK_CREATED_CONVERTED.from).toEqual([])
  })

  it('unions from-states in first-seen order', () => {
    expect(fromStatuses(E.REVIEW_LAPSED, E.VALIDITY_LAPSED, E.IDENTITY_MERGED)).toEqual([
      'PENDING_REVIEW',
      'PRE_REGISTERED',
    ])
    expect(statusAfter(E.CANONICALISED, 'DELETED')).toBe('DELETED')
  })
})

describe('the pre-registration decisions read PREREGISTRATION_EVENTS', () => {
  it.each(PREREGISTRATION_STATUSES)('decides a review of a %s row from P5/P6', (status) => {
    const outcomes = (['approve', 'reject'] as const).map((decision) => {
      const event = decision === 'approve' ? E.REVIEW_APPROVED : E.REVIEW_REJECTED
      const row = rowOf(status)
      const result = decideReview({ row, decision, note: 'n', reviewerId: 'm1', now })
      const expected = appliesFrom(event, status) ? statusAfter(event, status) : 'refused'
      return [decision, result.ok ? result.value.status : 'refused', expected]
    })
    expect(outcomes.filter(([, actual, expected]) => actual !== expected)).toEqual([])
  })

  it.each(PREREGISTRATION_STATUSES)('deletes a %s row only from P10', (status) => {
    const actor = { role: 'sales', userId: 'user-sales', partnerId: 'partner-acme' } as const
    const result = decideDeletion({ row: rowOf(status), actor, now })
    const expected = appliesFrom(E.DELETED, status) ? statusAfter(E.DELETED, status) : 'refused'
    expect(result.ok ? result.value.status : 'refused').toBe(expected)
  })

  it.each(PREREGISTRATION_STATUSES)('converts a %s row on acceptance only from P9', (status) => {
    const result = decideAcceptance({
      invitation: invitation(),
      account: account({ id: 'acc-1' }),
      instructionsAccepted: true,
      partner: partner(),
      preregistration: rowOf(status),
      activeAssociation: null,
      otherPartnersHoldingRows: [],
      now,
    })
    const refusal = { code: 'LINK_REVOKED', record: false }
    expect(result.ok ? 'converts' : result.error).toEqual(
      appliesFrom(E.CONVERTED, status) ? 'converts' : refusal
    )
  })

  it('converts a row whose validity lapsed: it reads as EXPIRED (R30, P9)', () => {
    const lapsed = { ...rowOf('PRE_REGISTERED'), validUntil: at(-1) }
    const result = decideAcceptance({
      invitation: invitation(),
      account: account({ id: 'acc-1' }),
      instructionsAccepted: true,
      partner: partner(),
      preregistration: lapsed,
      activeAssociation: null,
      otherPartnersHoldingRows: [],
      now,
    })
    expect(result.ok).toBe(true)
  })
})

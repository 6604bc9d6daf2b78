import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { at, preregistration } from '../../test/fixtures'
import { PREREGISTRATION_STATUSES } from '../core/statuses'
import { DAY_MS } from '../core/time'
import { isAccountTooOldOrHasSpend } from './account-checks'
import {
  effectivePreregistrationStatus,
  isHoldingPreregistration,
  LISTED_PREREGISTRATION_STATUSES,
  preregistrationStatusLabel,
  protectedUntil,
} from './preregistration-status'

describe('effectivePreregistrationStatus (R30)', () => {
  const until = at(DAY_MS)

  it('keeps PRE_REGISTERED until just before validUntil and expires it at validUntil', () => {
    const row = preregistration({ validUntil: until })
    expect(effectivePreregistrationStatus(row, new Date(until.getTime() - 1))).toBe(
      'PRE_REGISTERED'
    )
    expect(effectivePreregistrationStatus(row, until)).toBe('EXPIRED')
  })

  it('expires PENDING_REVIEW at its review deadline', () => {
    const row = preregistration({
      status: 'PENDING_REVIEW',
      validUntil: null,
      reviewDeadline: until,
    })
    expect(effectivePreregistrationStatus(row, new Date(until.getTime() - 1))).toBe(
      'PENDING_REVIEW'
    )
    expect(effectivePreregistrationStatus(row, until)).toBe('EXPIRED')
  })

  it.each(['REJECTED', 'CONVERTED', 'DELETED', 'NOT_PREREGISTERED', 'EXPIRED'] as const)(
    'never changes %s with time',
    (status) => {
      expect(
        effectivePreregistrationStatus(
          preregistration({ status, validUntil: until }),
          at(99 * DAY_MS)
        )
      ).toBe(status)
    }
  )

  it('is monotonic: once expired, a row stays expired at every later instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREREGISTRATION_STATUSES),
        fc.option(fc.integer({ min: -30, max: 30 })),
        fc.option(fc.integer({ min: -30, max: 30 })),
        fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }),
        fc.nat(40 * DAY_MS),
        (status, validDays, reviewDays, t1, gap) => {
          const row = preregistration({
            status,
            validUntil: validDays === null ? null : at(validDays * DAY_MS),
            reviewDeadline: reviewDays === null ? null : at(reviewDays * DAY_MS),
          })
          const early = effectivePreregistrationStatus(row, at(t1))
          const late = effectivePreregistrationStatus(row, at(t1 + gap))
          expect(early !== 'EXPIRED' || late === 'EXPIRED').toBe(true)
          const holdingLate = isHoldingPreregistration(row, at(t1 + gap))
          expect(!holdingLate || isHoldingPreregistration(row, at(t1))).toBe(true)
          expect([status, 'EXPIRED']).toContain(late)
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('holding rows', () => {
  it.each([
    ['PRE_REGISTERED', true],
    ['PENDING_REVIEW', true],
    ['REJECTED', false],
    ['EXPIRED', false],
    ['CONVERTED', false],
    ['DELETED', false],
    ['NOT_PREREGISTERED', false],
  ] as const)('counts %s as holding: %s', (status, holding) => {
    const row = preregistration({ status, reviewDeadline: at(DAY_MS) })
    expect(isHoldingPreregistration(row, at(0))).toBe(holding)
  })

  it('protects until validUntil, or reviewDeadline while in review', () => {
    expect(protectedUntil(preregistration({ validUntil: at(1) }))).toEqual(at(1))
    expect(
      protectedUntil(
        preregistration({ status: 'PENDING_REVIEW', validUntil: null, reviewDeadline: at(2) })
      )
    ).toEqual(at(2))
  })
})

describe('preregistrationStatusLabel (§4.1)', () => {
  it.each([
    ['PENDING_REVIEW', 'Pending review', '待审核'],
    ['PRE_REGISTERED', 'Pre-registered', '已报备'],
    ['REJECTED', 'Rejected', '已驳回'],
    ['EXPIRED', 'Expired', '已失效'],
    ['CONVERTED', 'Associated', '已关联'],
    ['NOT_PREREGISTERED', 'Not pre-registered', '未报备'],
    ['DELETED', 'Deleted', '已删除'],
  ] as const)('labels %s as %s / %s', (status, en, zh) => {
    expect(preregistrationStatusLabel(status, 'en')).toBe(en)
    expect(preregistrationStatusLabel(status, 'zh-CN')).toBe(zh)
  })

  it('never offers DELETED in the list filter', () => {
    expect(LISTED_PREREGISTRATION_STATUSES).not.toContain('DELETED')
    expect(LISTED_PREREGISTRATION_STATUSES).toHaveLength(6)
  })
})

describe('account age and spend (R25, R63)', () => {
  const now = at(0)

  it('treats exactly 7 days as not older than 7 days', () => {
    expect(
      isAccountTooOldOrHasSpend({ registeredAt: at(-7 * DAY_MS), hasCashSpend: false }, now)
    ).toBe(false)
    expect(
      isAccountTooOldOrHasSpend({ registeredAt: at(-7 * DAY_MS - 1), hasCashSpend: false }, now)
    ).toBe(true)
  })

  it('treats cash spend as needing review whatever the age', () => {
    expect(isAccountTooOldOrHasSpend({ registeredAt: now, hasCashSpend: true }, now)).toBe(true)
  })
})

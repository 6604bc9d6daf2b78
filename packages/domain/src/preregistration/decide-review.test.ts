import { describe, expect, it } from 'vitest'
import { at, preregistration } from '../../test/fixtures'
import { DAY_MS } from '../core/time'
import { decideReview } from './decide-review'

const now = at(0)
const pending = preregistration({
  status: 'PENDING_REVIEW',
  validUntil: null,
  reviewDeadline: at(DAY_MS),
})

describe('decideReview (R31, P5, P6)', () => {
  it('approves into a fresh 15-day validity with the age/spend waiver', () => {
    expect(decideReview({ row: pending, decision: 'approve', reviewerId: 'm1', now })).toEqual({
      ok: true,
      value: {
        status: 'PRE_REGISTERED',
        validFrom: now,
        validUntil: at(15 * DAY_MS),
        ageSpendWaived: true,
        reviewedByUserId: 'm1',
        reviewedAt: now,
        reviewNote: null,
      },
    })
  })

  it('keeps an optional approval note', () => {
    const result = decideReview({
      row: pending,
      decision: 'approve',
      note: ' ok ',
      reviewerId: 'm1',
      now,
    })
    expect(result.ok && result.value.reviewNote).toBe('ok')
  })

  it('rejects with a trimmed note', () => {
    expect(
      decideReview({
        row: pending,
        decision: 'reject',
        note: ' Direct customer ',
        reviewerId: 'm1',
        now,
      })
    ).toEqual({
      ok: true,
      value: {
        status: 'REJECTED',
        reviewedByUserId: 'm1',
        reviewedAt: now,
        reviewNote: 'Direct customer',
      },
    })
  })

  it.each([undefined, '', 'x'.repeat(501)])('refuses a rejection note %j', (note) => {
    const result = decideReview({ row: pending, decision: 'reject', note, reviewerId: 'm1', now })
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED')
  })

  it('refuses an invalid approval note', () => {
    const result = decideReview({
      row: pending,
      decision: 'approve',
      note: '',
      reviewerId: 'm1',
      now,
    })
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED')
  })

  it.each(['approve', 'reject'] as const)(
    'refuses to %s a row that is no longer pending review',
    (decision) => {
      const lapsed = decideReview({
        row: pending,
        decision,
        note: 'n',
        reviewerId: 'm1',
        now: at(DAY_MS),
      })
      const rejected = decideReview({
        row: { ...pending, status: 'REJECTED' },
        decision,
        note: 'n',
        reviewerId: 'm1',
        now,
      })
      expect(!lapsed.ok && lapsed.error.code).toBe('PREREGISTRATION_NOT_ACTIVE')
      expect(!rejected.ok && rejected.error.code).toBe('PREREGISTRATION_NOT_ACTIVE')
    }
  )
})

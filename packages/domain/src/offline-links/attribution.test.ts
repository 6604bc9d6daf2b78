import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PreregistrationStatus } from '../core/statuses'
import { accountKeys } from '../identity/identity'
import type { AttributionCandidate } from './attribution'
import { pickPreregistrationToConvert } from './attribution'

const account = {
  id: 'acc1',
  emailCanonical: 'alpha@customer.example',
  mobileE164: '+8613800000010',
}
const keys = accountKeys(account)
const t = (day: number) => new Date(Date.UTC(2025, 0, day))

const row = (over: Partial<AttributionCandidate> = {}): AttributionCandidate => ({
  id: 'r1',
  partnerId: 'p1',
  status: 'PRE_REGISTERED',
  emailCanonical: 'alpha@customer.example',
  mobileE164: null,
  customerAccountId: null,
  createdAt: t(1),
  ...over,
})

const pick = (rows: AttributionCandidate[]) =>
  pickPreregistrationToConvert(rows, keys, 'p1')?.id ?? null

describe('attribution to a pre-registration (R109)', () => {
  it('answers null when there are no rows: the caller creates a converted one outside the quota', () => {
    expect(pickPreregistrationToConvert([], keys, 'p1')).toBeNull()
  })

  it('answers null when no row overlaps the customer’s keys', () => {
    const other = row({ emailCanonical: 'beta@customer.example', mobileE164: '+8613800000099' })
    expect(pick([other])).toBeNull()
  })

  it.each<[string, Partial<AttributionCandidate>]>([
    ['canonical email', { emailCanonical: 'alpha@customer.example' }],
    ['mobile', { emailCanonical: null, mobileE164: '+8613800000010' }],
    ['account id', { emailCanonical: 'old@customer.example', customerAccountId: 'acc1' }],
  ])('converts a row that overlaps by %s', (_, over) => {
    expect(pick([row(over)])).toBe('r1')
  })

  it('does not match an email key against a mobile key of the same text', () => {
    const tricky = row({ emailCanonical: null, mobileE164: 'alpha@customer.example' })
    expect(pick([tricky])).toBeNull()
  })

  it.each<PreregistrationStatus>([
    'PENDING_REVIEW',
    'PRE_REGISTERED',
    'REJECTED',
    'EXPIRED',
    'NOT_PREREGISTERED',
  ])('converts a row in %s', (status) => {
    expect(pick([row({ status })])).toBe('r1')
  })

  it.each<PreregistrationStatus>(['DELETED', 'CONVERTED'])(
    'never converts a %s row, even the newest',
    (status) => {
      const excluded = row({ id: 'r9', status, createdAt: t(9) })
      expect(pick([excluded])).toBeNull()
      expect(pick([excluded, row({ id: 'r2', createdAt: t(2) })])).toBe('r2')
    }
  )

  it('never converts another partner’s row, even the newest overlapping one', () => {
    const foreign = row({ id: 'x', partnerId: 'p2', createdAt: t(9) })
    expect(pick([foreign])).toBeNull()
    expect(pick([foreign, row({ id: 'own', createdAt: t(1) })])).toBe('own')
  })

  it('chooses the newest by createdAt, whatever its status and the rows’ order', () => {
    const rows = [
      row({ id: 'a', status: 'PRE_REGISTERED', createdAt: t(1) }),
      row({ id: 'b', status: 'REJECTED', createdAt: t(5) }),
      row({ id: 'c', status: 'EXPIRED', createdAt: t(3) }),
    ]
    expect(pick(rows)).toBe('b')
    expect(pick([...rows].reverse())).toBe('b')
  })

  it('breaks a createdAt tie by the greatest id, whatever the rows’ order', () => {
    const rows = [row({ id: 'r-a', createdAt: t(4) }), row({ id: 'r-b', createdAt: t(4) })]
    expect(pick(rows)).toBe('r-b')
    expect(pick([...rows].reverse())).toBe('r-b')
  })

  it('returns the caller’s row object itself', () => {
    const own = { ...row(), extra: 42 }
    expect(pickPreregistrationToConvert([own], keys, 'p1')).toBe(own)
  })

  it('property: the pick is the maximum (createdAt, id) of the eligible rows, independent of order', () => {
    const statuses: PreregistrationStatus[] = [
      'PENDING_REVIEW',
      'PRE_REGISTERED',
      'REJECTED',
      'EXPIRED',
      'NOT_PREREGISTERED',
      'DELETED',
      'CONVERTED',
    ]
    const arbRow = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      partnerId: fc.constantFrom('p1', 'p2'),
      status: fc.constantFrom(...statuses),
      emailCanonical: fc.constantFrom(null, 'alpha@customer.example', 'beta@customer.example'),
      mobileE164: fc.constantFrom(null, '+8613800000010', '+8613800000099'),
      customerAccountId: fc.constantFrom(null, 'acc1', 'acc2'),
      createdAt: fc.integer({ min: 1, max: 4 }).map(t),
    })
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 8 }), (rows) => {
        const eligible = rows.filter(
          (r) =>
            r.partnerId === 'p1' &&
            r.status !== 'DELETED' &&
            r.status !== 'CONVERTED' &&
            (r.emailCanonical === account.emailCanonical ||
              r.mobileE164 === account.mobileE164 ||
              r.customerAccountId === account.id)
        )
        const picked = pickPreregistrationToConvert(rows, keys, 'p1')
        const reversed = pickPreregistrationToConvert([...rows].reverse(), keys, 'p1')
        const best = eligible.reduce<AttributionCandidate | null>((max, r) => {
          if (max === null) return r
          const d = r.createdAt.getTime() - max.createdAt.getTime()
          return d > 0 || (d === 0 && r.id > max.id) ? r : max
        }, null)
        const identify = (r: AttributionCandidate | null) =>
          r === null ? null : [r.createdAt.getTime(), r.id]
        expect(identify(picked)).toEqual(identify(best))
        expect(identify(reversed)).toEqual(identify(best))
      })
    )
  })
})

import { describe, expect, it } from 'vitest'
import { at, partner, preregistration, uuid } from '../../test/fixtures'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../core/time'
import { checkBatchRequest, checkBatchSize, isUuid } from './batch-request'
import type { DecideInvitationBatchOptions } from './decide-invitation-batch'
import { decideInvitationBatch } from './decide-invitation-batch'

const now = at(0)
const rows = [1, 2, 3, 4].map((n) =>
  preregistration({ id: uuid(n), emailCanonical: `c${n}@customer.example` })
)

function decide(overrides: Partial<DecideInvitationBatchOptions> = {}) {
  return decideInvitationBatch({
    preregistrationIds: [uuid(1)],
    partner: partner(),
    preregistrations: rows,
    latestInvitationAt: {},
    recipientInvitationTimes: {},
    partnerInvitationTimes: [],
    now,
    ...overrides,
  })
}

function rowsOf(result: ReturnType<typeof decide>) {
  if (!result.ok) throw new Error(`request failed with ${result.error.code}`)
  return result.value.results
}

function requestCode(result: ReturnType<typeof decide>) {
  return result.ok ? 'OK' : result.error.code
}

describe('decideInvitationBatch: request level (R36)', () => {
  it('defaults the type to reseller and counts the rows', () => {
    const result = decide({ preregistrationIds: [uuid(1), uuid(2)] })
    expect(result.ok && result.value).toMatchObject({
      associationType: 'reseller',
      requested: 2,
      queued: 2,
      skipped: 0,
    })
  })

  it.each([
    [[], 'VALIDATION_FAILED'],
    [['not-a-uuid'], 'VALIDATION_FAILED'],
    [Array.from({ length: 101 }, () => uuid(1)), 'BATCH_TOO_LARGE'],
  ])('refuses ids %j with %s', (ids, code) => {
    expect(requestCode(decide({ preregistrationIds: ids }))).toBe(code)
  })

  it('answers BATCH_TOO_LARGE before any type check, and counts ids before collapsing', () => {
    const ids = Array.from({ length: 101 }, () => uuid(1))
    const result = decide({
      preregistrationIds: ids,
      associationType: 'referral',
      partner: partner({ referralModelEnabled: false, isPrepaid: true }),
    })
    expect(requestCode(result)).toBe('BATCH_TOO_LARGE')
    expect(!result.ok && result.error.details).toEqual({ max: 100 })
    expect(requestCode(decide({ preregistrationIds: ids.slice(1) }))).toBe('OK')
  })

  it('refuses referral when not enabled and reseller for a prepaid partner', () => {
    expect(
      requestCode(
        decide({ associationType: 'referral', partner: partner({ referralModelEnabled: false }) })
      )
    ).toBe('REFERRAL_NOT_ENABLED')
    expect(requestCode(decide({ partner: partner({ isPrepaid: true }) }))).toBe(
      'PREPAID_PARTNER_RESELLER'
    )
    expect(
      requestCode(decide({ associationType: 'referral', partner: partner({ isPrepaid: true }) }))
    ).toBe('OK')
  })

  it('refuses an unknown association type', () => {
    const result = checkBatchRequest({
      preregistrationIds: [uuid(1)],
      associationType: 'partner',
      partner: partner(),
    })
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED')
  })

  it('refuses a list that is not an array', () => {
    expect(checkBatchSize('x').ok).toBe(false)
    expect(isUuid(42)).toBe(false)
  })
})

describe('decideInvitationBatch: rows (R37, R38)', () => {
  it('collapses duplicates to their first occurrence, in request order', () => {
    const results = rowsOf(decide({ preregistrationIds: [uuid(2), uuid(1), uuid(2)] }))
    expect(results.map((r) => r.preregistrationId)).toEqual([uuid(2), uuid(1)])
  })

  it.each([
    ['a missing row', { preregistrations: [] }, 'NOT_FOUND'],
    ['another partner row', { partner: partner({ id: 'partner-globex' }) }, 'NOT_FOUND'],
    [
      'a colleague row for an account manager',
      { actor: { role: 'account_manager', userId: 'user-am', partnerId: 'partner-acme' } },
      'NOT_FOUND',
    ],
    [
      'a deleted row',
      { preregistrations: [preregistration({ id: uuid(1), status: 'DELETED' })] },
      'NOT_FOUND',
    ],
    [
      'a deleted row on resend (R45)',
      { kind: 'RESEND', preregistrations: [preregistration({ id: uuid(1), status: 'DELETED' })] },
      'PREREGISTRATION_NOT_ACTIVE',
    ],
    [
      'an expired row',
      { preregistrations: [preregistration({ id: uuid(1), validUntil: now })] },
      'PREREGISTRATION_NOT_ACTIVE',
    ],
    [
      'a row pending review',
      {
        preregistrations: [
          preregistration({ id: uuid(1), status: 'PENDING_REVIEW', reviewDeadline: at(DAY_MS) }),
        ],
      },
      'PREREGISTRATION_NOT_ACTIVE',
    ],
    [
      'an imported row',
      { preregistrations: [preregistration({ id: uuid(1), status: 'NOT_PREREGISTERED' })] },
      'PREREGISTRATION_NOT_ACTIVE',
    ],
    [
      'a mobile-only row',
      {
        preregistrations: [
          preregistration({ id: uuid(1), emailCanonical: null, mobileE164: '+8613800000010' }),
        ],
      },
      'EMAIL_REQUIRED',
    ],
  ] as [string, Partial<DecideInvitationBatchOptions>, string][])(
    'skips %s with %s',
    (_, overrides, code) => {
      expect(rowsOf(decide(overrides))[0]).toEqual({
        preregistrationId: uuid(1),
        outcome: 'SKIPPED',
        code,
      })
    }
  )

  it('lets an account manager invite its own rows', () => {
    const own = preregistration({ id: uuid(1), createdByUserId: 'user-am' })
    const results = rowsOf(
      decide({
        preregistrations: [own],
        actor: { role: 'account_manager', userId: 'user-am', partnerId: 'partner-acme' },
      })
    )
    expect(results[0]?.outcome).toBe('QUEUED')
  })

  it('enforces the resend cooldown with the seconds left (R38 step 4)', () => {
    const results = rowsOf(decide({ latestInvitationAt: { [uuid(1)]: at(-5 * MINUTE_MS) } }))
    expect(results[0]).toEqual({
      preregistrationId: uuid(1),
      outcome: 'SKIPPED',
      code: 'RESEND_COOLDOWN',
      retryAfterSeconds: 300,
    })
    expect(
      rowsOf(decide({ latestInvitationAt: { [uuid(1)]: at(-10 * MINUTE_MS) } }))[0]?.outcome
    ).toBe('QUEUED')
  })

  it('caps invitations per recipient across partners in a rolling 24 h (R38 step 5)', () => {
    const times = [at(-23 * HOUR_MS), at(-2 * HOUR_MS), at(-HOUR_MS)]
    const results = rowsOf(decide({ recipientInvitationTimes: { 'c1@customer.example': times } }))
    expect(results[0]).toEqual({
      preregistrationId: uuid(1),
      outcome: 'SKIPPED',
      code: 'RECIPIENT_DAILY_CAP',
      retryAfterSeconds: 3600,
    })
    const old = [at(-DAY_MS), at(-2 * HOUR_MS), at(-HOUR_MS)]
    expect(
      rowsOf(decide({ recipientInvitationTimes: { 'c1@customer.example': old } }))[0]?.outcome
    ).toBe('QUEUED')
  })

  it('counts rows queued earlier in the request toward the partner cap (R38 step 6)', () => {
    const results = rowsOf(
      decide({
        preregistrationIds: [uuid(1), uuid(2), uuid(3), uuid(4)],
        partner: partner({ dailyInviteCap: 3 }),
        partnerInvitationTimes: [at(-20 * HOUR_MS)],
      })
    )
    expect(results.map((r) => r.outcome)).toEqual(['QUEUED', 'QUEUED', 'SKIPPED', 'SKIPPED'])
    expect(results[2]).toEqual({
      preregistrationId: uuid(3),
      outcome: 'SKIPPED',
      code: 'PARTNER_DAILY_CAP',
      retryAfterSeconds: 4 * 3600,
    })
  })

  it('counts a recipient queued earlier in the same request', () => {
    const same = [1, 2].map((n) =>
      preregistration({ id: uuid(n), emailCanonical: 'same@customer.example' })
    )
    const results = rowsOf(
      decide({
        preregistrationIds: [uuid(1), uuid(2)],
        preregistrations: same,
        recipientInvitationTimes: { 'same@customer.example': [at(-HOUR_MS), at(-HOUR_MS)] },
      })
    )
    expect(results.map((r) => r.code)).toEqual([undefined, 'RECIPIENT_DAILY_CAP'])
  })

  it('skips every row of a partner whose cap is 0, with no retry time', () => {
    expect(rowsOf(decide({ partner: partner({ dailyInviteCap: 0 }) }))[0]).toEqual({
      preregistrationId: uuid(1),
      outcome: 'SKIPPED',
      code: 'PARTNER_DAILY_CAP',
    })
  })

  it('checks the steps in the order of R38', () => {
    const row = preregistration({ id: uuid(1), emailCanonical: 'c1@customer.example' })
    const all: Partial<DecideInvitationBatchOptions> = {
      preregistrations: [{ ...row, validUntil: now, emailCanonical: null }],
      latestInvitationAt: { [uuid(1)]: at(-MINUTE_MS) },
      recipientInvitationTimes: { 'c1@customer.example': [at(-1), at(-1), at(-1)] },
      partner: partner({ dailyInviteCap: 0 }),
    }
    const steps: [string, Partial<DecideInvitationBatchOptions>][] = [
      ['PREREGISTRATION_NOT_ACTIVE', { preregistrations: [{ ...row, emailCanonical: null }] }],
      ['EMAIL_REQUIRED', { preregistrations: [row] }],
      ['RESEND_COOLDOWN', { latestInvitationAt: {} }],
      ['RECIPIENT_DAILY_CAP', { recipientInvitationTimes: {} }],
      ['PARTNER_DAILY_CAP', { partner: partner() }],
    ]
    const applied = { ...all }
    for (const [code, fix] of steps) {
      expect(rowsOf(decide(applied))[0]?.code).toBe(code)
      Object.assign(applied, fix)
    }
    expect(rowsOf(decide(applied))[0]?.outcome).toBe('QUEUED')
  })
})

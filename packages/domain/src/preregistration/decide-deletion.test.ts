import { describe, expect, it } from 'vitest'
import { at, preregistration } from '../../test/fixtures'
import type { PreregistrationStatus } from '../core/statuses'
import type { Actor } from '../permissions/permissions'
import { decideBatchDeletion, decideDeletion } from './decide-deletion'

const now = at(0)
const sales: Actor = { role: 'sales', userId: 'user-sales', partnerId: 'partner-acme' }
const am: Actor = { role: 'account_manager', userId: 'user-am', partnerId: 'partner-acme' }

describe('decideDeletion (P10, R32)', () => {
  it.each([
    'PENDING_REVIEW',
    'PRE_REGISTERED',
    'REJECTED',
    'EXPIRED',
    'NOT_PREREGISTERED',
  ] as const)('deletes a %s row', (status) => {
    expect(decideDeletion({ row: preregistration({ status }), actor: sales, now })).toEqual({
      ok: true,
      value: { status: 'DELETED', deletedAt: now, deletedByUserId: 'user-sales' },
    })
  })

  it.each([
    ['CONVERTED', 'PREREGISTRATION_NOT_DELETABLE'],
    ['DELETED', 'NOT_FOUND'],
  ] as [PreregistrationStatus, string][])('refuses a %s row with %s', (status, code) => {
    const result = decideDeletion({ row: preregistration({ status }), actor: sales, now })
    expect(!result.ok && result.error.code).toBe(code)
  })

  it('answers NOT_FOUND for a missing, foreign or not-own row (R2)', () => {
    expect(decideDeletion({ row: null, actor: sales, now }).ok).toBe(false)
    const foreign = decideDeletion({
      row: preregistration({ partnerId: 'partner-globex' }),
      actor: sales,
      now,
    })
    const notOwn = decideDeletion({ row: preregistration(), actor: am, now })
    const converted = decideDeletion({
      row: preregistration({ status: 'CONVERTED' }),
      actor: am,
      now,
    })
    for (const result of [foreign, notOwn, converted])
      expect(!result.ok && result.error.code).toBe('NOT_FOUND')
  })
})

describe('decideBatchDeletion (R33)', () => {
  const rows = [preregistration({ id: 'a' }), preregistration({ id: 'b', status: 'CONVERTED' })]

  it('decides each id on its own, collapsing duplicates', () => {
    expect(decideBatchDeletion({ ids: ['a', 'b', 'a', 'zz'], rows, actor: sales, now })).toEqual({
      ok: true,
      value: [
        { preregistrationId: 'a', outcome: 'DELETED' },
        { preregistrationId: 'b', outcome: 'SKIPPED', code: 'PREREGISTRATION_NOT_DELETABLE' },
        { preregistrationId: 'zz', outcome: 'SKIPPED', code: 'NOT_FOUND' },
      ],
    })
  })

  it('refuses an empty list or more than DELETE_BATCH_MAX ids', () => {
    expect(decideBatchDeletion({ ids: [], rows, actor: sales, now }).ok).toBe(false)
    const tooMany = Array.from({ length: 101 }, (_, i) => `id-${i}`)
    const result = decideBatchDeletion({ ids: tooMany, rows, actor: sales, now })
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED')
  })
})

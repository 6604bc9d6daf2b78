import { describe, expect, it } from 'vitest'
import { at, invitation } from '../../test/fixtures'
import { INVITATION_STATUSES } from '../core/statuses'
import { associationTypeLabel } from './association-type-texts'
import { allowedAssociationTypes, checkAssociationType, payerFor } from './association-types'
import { computeBatchProgress } from './batch-progress'
import {
  HISTORY_FILTER_STATUSES,
  HISTORY_FILTERS,
  historyFilterLabel,
  historyFilterOf,
  historyHover,
  historyHoverText,
  historyLabel,
} from './history'

describe('History Records labels (§4.2, R74)', () => {
  it.each([
    ['QUEUED', 'Invited', '已邀请'],
    ['SEND_FAILED', 'Invited', '已邀请'],
    ['SENT', 'Invited', '已邀请'],
    ['ACCEPTED', 'Associated', '已关联'],
    ['ASSOCIATION_FAILED', 'Association failed', '关联失败'],
    ['EXPIRED', 'Expired', '已过期'],
    ['FAILED_TO_SEND', 'Sending failed', '发送失败'],
    ['SUPERSEDED', 'Superseded', '已被替代'],
    ['REVOKED', 'Withdrawn', '已撤销'],
  ] as const)('labels %s as %s / %s', (status, en, zh) => {
    expect(historyLabel(status, 'en')).toBe(en)
    expect(historyLabel(status, 'zh-CN')).toBe(zh)
  })

  it('offers the seven filter values of S10 in order', () => {
    expect(HISTORY_FILTERS.map((f) => historyFilterLabel(f, 'en'))).toEqual([
      'Invited',
      'Associated',
      'Association failed',
      'Expired',
      'Sending failed',
      'Superseded',
      'Withdrawn',
    ])
  })

  it('maps every status to exactly one filter', () => {
    const covered = HISTORY_FILTERS.flatMap((f) => HISTORY_FILTER_STATUSES[f])
    expect([...covered].sort()).toEqual([...INVITATION_STATUSES].sort())
    expect(HISTORY_FILTER_STATUSES.INVITED).toEqual(['QUEUED', 'SENT', 'SEND_FAILED'])
    for (const status of INVITATION_STATUSES)
      expect(HISTORY_FILTER_STATUSES[historyFilterOf(status)]).toContain(status)
  })

  it.each([
    ['QUEUED', { attemptCount: 0 }, { key: 'SENDING', attempt: 1, maxAttempts: 8 }],
    ['SEND_FAILED', { attemptCount: 3 }, { key: 'SENDING', attempt: 3, maxAttempts: 8 }],
    ['SENT', { expiresAt: at(1) }, { key: 'EXPIRES_AT', at: at(1) }],
    ['ACCEPTED', { acceptedAt: at(2) }, { key: 'ASSOCIATED_AT', at: at(2) }],
    [
      'ASSOCIATION_FAILED',
      { failureCode: 'UNPAID_BILLS' },
      { key: 'FAILURE', code: 'UNPAID_BILLS' },
    ],
    ['ASSOCIATION_FAILED', { failureCode: null }, { key: 'FAILURE', code: 'INTERNAL' }],
    ['EXPIRED', { renewalRequestedAt: at(3) }, { key: 'RENEWAL_REQUESTED' }],
    ['EXPIRED', {}, null],
    ['FAILED_TO_SEND', {}, { key: 'FAILURE', code: 'DELIVERY_FAILED' }],
    ['SUPERSEDED', { supersededById: 'i2' }, { key: 'SUPERSEDED_BY', invitationId: 'i2' }],
    ['REVOKED', {}, { key: 'PREREGISTRATION_DELETED' }],
    ['REVOKED', { failureCode: 'IDENTITY_MERGED' }, { key: 'IDENTITY_MERGED' }],
  ] as const)('hovers %s with %j as %j', (status, overrides, expected) => {
    expect(historyHover(invitation(overrides), status, 8)).toEqual(expected)
  })

  it.each([
    [
      { key: 'SENDING', attempt: 2, maxAttempts: 8 },
      'Sending (attempt 2 of 8)',
      '发送中(第 2 次,共 8 次)',
    ],
    [{ key: 'RENEWAL_REQUESTED' }, 'Customer asked for a new invitation', '客户请求重新发送邀请'],
    [{ key: 'PREREGISTRATION_DELETED' }, 'The pre-registration was deleted', '该报备已被删除'],
    [
      { key: 'IDENTITY_MERGED' },
      'Merged with an earlier pre-registration of the same customer',
      '已与同一客户较早的报备合并',
    ],
  ] as const)('words the hover %j', (hover, en, zh) => {
    expect(historyHoverText(hover, 'en')).toBe(en)
    expect(historyHoverText(hover, 'zh-CN')).toBe(zh)
  })
})

describe('computeBatchProgress (R49)', () => {
  it('counts by delivery outcome and is done when nothing is pending', () => {
    const progress = computeBatchProgress([
      { status: 'QUEUED', sentAt: null },
      { status: 'SEND_FAILED', sentAt: null },
      { status: 'SENT', sentAt: at(0) },
      { status: 'SUPERSEDED', sentAt: at(0) },
      { status: 'ACCEPTED', sentAt: null },
      { status: 'ASSOCIATION_FAILED', sentAt: null },
      { status: 'FAILED_TO_SEND', sentAt: null },
      { status: 'SUPERSEDED', sentAt: null },
      { status: 'REVOKED', sentAt: null },
      { status: 'EXPIRED', sentAt: null },
    ])
    expect(progress).toEqual({
      total: 10,
      pending: 2,
      sent: 4,
      failed: 1,
      cancelled: 3,
      done: false,
    })
    expect(computeBatchProgress([{ status: 'SENT', sentAt: at(0) }]).done).toBe(true)
    expect(computeBatchProgress([])).toEqual({
      total: 0,
      pending: 0,
      sent: 0,
      failed: 0,
      cancelled: 0,
      done: true,
    })
  })
})

describe('association types (R11)', () => {
  it.each([
    [{ isPrepaid: false, referralModelEnabled: false }, ['reseller']],
    [{ isPrepaid: false, referralModelEnabled: true }, ['reseller', 'referral']],
    [{ isPrepaid: true, referralModelEnabled: true }, ['referral']],
    [{ isPrepaid: true, referralModelEnabled: false }, []],
  ])('allows %j to invite with %j', (partner, types) => {
    expect(allowedAssociationTypes(partner)).toEqual(types)
    for (const type of ['reseller', 'referral'] as const) {
      expect(checkAssociationType(partner, type).ok).toBe(types.includes(type))
    }
  })

  it('names the types and their payers', () => {
    expect(associationTypeLabel('reseller', 'en')).toBe('Reseller')
    expect(associationTypeLabel('reseller', 'zh-CN')).toBe('代售')
    expect(associationTypeLabel('referral', 'en')).toBe('Referral')
    expect(associationTypeLabel('referral', 'zh-CN')).toBe('顾问销售')
    expect(payerFor('reseller')).toBe('PARTNER')
    expect(payerFor('referral')).toBe('PLATFORM')
  })
})

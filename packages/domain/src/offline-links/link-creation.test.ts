import { describe, expect, it } from 'vitest'
import { decideCustomLink, generalLinkAssociationType } from './link-creation'

const now = new Date('2025-03-10T12:00:00Z')
const partner = { isPrepaid: false, referralModelEnabled: false }

describe('generalLinkAssociationType (R91, R11)', () => {
  it('is reseller, referral for a prepaid partner with referral, else the type refusal', () => {
    expect(generalLinkAssociationType(partner)).toEqual({ ok: true, value: 'reseller' })
    expect(generalLinkAssociationType({ isPrepaid: false, referralModelEnabled: true })).toEqual({
      ok: true,
      value: 'reseller',
    })
    expect(generalLinkAssociationType({ isPrepaid: true, referralModelEnabled: true })).toEqual({
      ok: true,
      value: 'referral',
    })
    expect(generalLinkAssociationType({ isPrepaid: true, referralModelEnabled: false })).toEqual({
      ok: false,
      error: { code: 'PREPAID_PARTNER_RESELLER' },
    })
  })
})

describe('decideCustomLink (R93)', () => {
  it('normalises the tag, defaults to reseller and never expires without expiresInDays', () => {
    expect(decideCustomLink({ request: { tag: ' Ｓpring Fair ' }, partner, now })).toEqual({
      ok: true,
      value: {
        tag: 'Spring Fair',
        tagKey: 'spring fair',
        associationType: 'reseller',
        expiresAt: null,
      },
    })
  })

  it('makes an activity link expire whole days of 24 h after now, 1 to 90', () => {
    const one = decideCustomLink({ request: { tag: 'a', expiresInDays: 1 }, partner, now })
    expect(one.ok && one.value.expiresAt?.toISOString()).toBe('2025-03-11T12:00:00.000Z')
    const ninety = decideCustomLink({ request: { tag: 'a', expiresInDays: 90 }, partner, now })
    expect(ninety.ok && ninety.value.expiresAt?.toISOString()).toBe('2025-06-08T12:00:00.000Z')
    for (const expiresInDays of [0, 91, 1.5]) {
      expect(decideCustomLink({ request: { tag: 'a', expiresInDays }, partner, now })).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          details: { fields: [{ path: 'expiresInDays', reason: 'OUT_OF_RANGE' }] },
        },
      })
    }
  })

  it('checks in the order tag, referral, prepaid', () => {
    const prepaid = { isPrepaid: true, referralModelEnabled: false }
    const code = (
      request: { tag: string; associationType?: 'reseller' | 'referral' },
      p = partner
    ) => {
      const result = decideCustomLink({ request, partner: p, now })
      return result.ok ? 'ok' : result.error.code
    }
    expect(code({ tag: '', associationType: 'referral' }, prepaid)).toBe('LINK_TAG_INVALID')
    expect(code({ tag: 'x'.repeat(33) })).toBe('LINK_TAG_INVALID')
    expect(code({ tag: 'a\tb' })).toBe('VALIDATION_FAILED')
    expect(code({ tag: 'ok', associationType: 'referral' }, prepaid)).toBe('REFERRAL_NOT_ENABLED')
    expect(code({ tag: 'ok' }, prepaid)).toBe('PREPAID_PARTNER_RESELLER')
    expect(
      code(
        { tag: 'ok', associationType: 'referral' },
        { isPrepaid: true, referralModelEnabled: true }
      )
    ).toBe('ok')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InvitationLinkStatus } from '../core/statuses'
import type { InvitationLinkSnapshot, LinkOwnerState } from './link-answer'
import { effectiveLinkStatus, offlineLinkAnswer } from './link-answer'

const now = new Date('2025-03-10T12:00:00Z')
const later = new Date('2025-03-11T12:00:00Z')
const earlier = new Date('2025-03-09T12:00:00Z')
const owner: LinkOwnerState = { disabled: false, canInvite: true }
const custom: InvitationLinkSnapshot = {
  partnerId: 'p1',
  kind: 'CUSTOM',
  status: 'ACTIVE',
  associationType: 'reseller',
  expiresAt: null,
}
const general: InvitationLinkSnapshot = { ...custom, kind: 'GENERAL' }

const code = (link: InvitationLinkSnapshot | null, o?: LinkOwnerState | null, at = now) => {
  const answer = offlineLinkAnswer({ link, owner: o, now: at })
  return answer.ok ? 'OPEN' : answer.error.code
}

describe('opening an offline link (R100)', () => {
  it('answers LINK_NOT_FOUND for an unknown code', () => {
    expect(offlineLinkAnswer({ link: null, now })).toEqual({
      ok: false,
      error: { code: 'LINK_NOT_FOUND' },
    })
  })

  it('opens an active custom link with its partner, association type and no expiry', () => {
    expect(offlineLinkAnswer({ link: { ...custom, associationType: 'referral' }, now })).toEqual({
      ok: true,
      value: { open: true, partnerId: 'p1', associationType: 'referral', expiresAt: null },
    })
  })

  it('opens an activity link before its expiry and carries the expiry for the portal', () => {
    const answer = offlineLinkAnswer({ link: { ...custom, expiresAt: later }, now })
    expect(answer).toEqual({
      ok: true,
      value: { open: true, partnerId: 'p1', associationType: 'reseller', expiresAt: later },
    })
  })

  it.each<[InvitationLinkStatus, string]>([
    ['DISABLED', 'OFFLINE_LINK_DISABLED'],
    ['RESET', 'OFFLINE_LINK_RESET'],
    ['EXPIRED', 'OFFLINE_LINK_EXPIRED'],
  ])('answers a stored %s link with %s', (status, expected) => {
    expect(code({ ...custom, status })).toBe(expected)
  })

  it('answers OFFLINE_LINK_EXPIRED at exactly expiresAt and 1 ms before still opens', () => {
    const link = { ...custom, expiresAt: now }
    expect(code(link, undefined, now)).toBe('OFFLINE_LINK_EXPIRED')
    expect(code(link, undefined, new Date(now.getTime() - 1))).toBe('OPEN')
    expect(code({ ...custom, expiresAt: earlier })).toBe('OFFLINE_LINK_EXPIRED')
  })

  it('opens a general link whose owner is enabled and may invite', () => {
    expect(code(general, owner)).toBe('OPEN')
  })

  it.each<[string, LinkOwnerState | null | undefined]>([
    ['disabled', { disabled: true, canInvite: true }],
    ['without custdev.invite', { disabled: false, canInvite: false }],
    ['disabled and without custdev.invite', { disabled: true, canInvite: false }],
    ['not given (null, fail closed)', null],
    ['not given (undefined, fail closed)', undefined],
  ])('answers OFFLINE_LINK_DISABLED for a general link whose owner is %s', (_, o) => {
    expect(code(general, o)).toBe('OFFLINE_LINK_DISABLED')
  })

  it('ignores the owner of a custom link: its creator being disabled changes nothing', () => {
    expect(code(custom, { disabled: true, canInvite: false })).toBe('OPEN')
  })

  describe('precedence: RESET, then EXPIRED, then DISABLED (§12.3.1)', () => {
    it('answers RESET for a reset general link past an expiry with a disabled owner', () => {
      const link = { ...general, status: 'RESET' as const, expiresAt: earlier }
      expect(code(link, { disabled: true, canInvite: false })).toBe('OFFLINE_LINK_RESET')
    })

    it('answers EXPIRED for a disabled activity link past its expiry', () => {
      expect(code({ ...custom, status: 'DISABLED', expiresAt: earlier })).toBe(
        'OFFLINE_LINK_EXPIRED'
      )
      expect(code({ ...custom, status: 'DISABLED', expiresAt: now })).toBe('OFFLINE_LINK_EXPIRED')
    })

    it('answers DISABLED for a disabled activity link before its expiry', () => {
      expect(code({ ...custom, status: 'DISABLED', expiresAt: later })).toBe(
        'OFFLINE_LINK_DISABLED'
      )
    })

    it('answers EXPIRED for an expired general link whose owner is disabled', () => {
      const link = { ...general, expiresAt: earlier }
      expect(code(link, { disabled: true, canInvite: true })).toBe('OFFLINE_LINK_EXPIRED')
    })

    it('keeps a stored EXPIRED link expired even without expiresAt (L5 is final)', () => {
      expect(effectiveLinkStatus({ ...custom, status: 'EXPIRED' }, owner, now)).toBe('EXPIRED')
    })
  })

  it('property: opens exactly when the effective status is ACTIVE, and answers its code otherwise', () => {
    const codes = {
      DISABLED: 'OFFLINE_LINK_DISABLED',
      RESET: 'OFFLINE_LINK_RESET',
      EXPIRED: 'OFFLINE_LINK_EXPIRED',
    } as const
    fc.assert(
      fc.property(
        fc.constantFrom<InvitationLinkSnapshot['kind']>('GENERAL', 'CUSTOM'),
        fc.constantFrom<InvitationLinkStatus>('ACTIVE', 'DISABLED', 'EXPIRED', 'RESET'),
        fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
        fc.option(fc.record({ disabled: fc.boolean(), canInvite: fc.boolean() }), { nil: null }),
        (kind, status, offsetMs, o) => {
          const expiresAt = offsetMs === null ? null : new Date(now.getTime() + offsetMs)
          const link = { ...custom, kind, status, expiresAt }
          const effective = effectiveLinkStatus(link, o, now)
          const answer = offlineLinkAnswer({ link, owner: o, now })
          const ownerBlocks = kind === 'GENERAL' && (o === null || o.disabled || !o.canInvite)
          const expired = status === 'EXPIRED' || (offsetMs !== null && offsetMs <= 0)
          const expected: InvitationLinkStatus =
            status === 'RESET'
              ? 'RESET'
              : expired
                ? 'EXPIRED'
                : status === 'DISABLED' || ownerBlocks
                  ? 'DISABLED'
                  : 'ACTIVE'
          expect(effective).toBe(expected)
          const expectedCode = effective === 'ACTIVE' ? null : codes[effective]
          expect(answer.ok ? null : answer.error.code).toBe(expectedCode)
        }
      )
    )
  })
})

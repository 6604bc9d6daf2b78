import { describe, expect, it } from 'vitest'
import { account, at, partner, preregistration } from '../../test/fixtures'
import { DAY_MS } from '../core/time'
import {
  decideLinkAcceptance,
  linkChannelOf,
  type DecideLinkAcceptanceOptions,
} from './decide-link-acceptance'

const now = at(0)
const link = {
  id: 'link-1',
  partnerId: 'partner-acme',
  kind: 'CUSTOM' as const,
  status: 'ACTIVE' as const,
  associationType: 'reseller' as const,
  expiresAt: null,
}

function options(
  overrides: Partial<DecideLinkAcceptanceOptions> = {}
): DecideLinkAcceptanceOptions {
  return {
    link,
    account: account(),
    emailVerified: true,
    instructionsAccepted: true,
    partner: partner(),
    chosen: null,
    activeAssociation: null,
    otherPartnersHoldingRows: [],
    now,
    ...overrides,
  }
}

const codeOf = (o: DecideLinkAcceptanceOptions) => {
  const result = decideLinkAcceptance(o)
  return result.ok ? 'OK' : [result.error.code, result.error.record]
}

describe('decideLinkAcceptance (R107)', () => {
  it('accepts an eligible, verified customer with the link’s type, origin LINK_INVITATION', () => {
    const result = decideLinkAcceptance(options())
    expect(result).toMatchObject({
      ok: true,
      value: {
        association: { type: 'reseller', payer: 'PARTNER', origin: 'LINK_INVITATION' },
        accountFreeze: { frozen: true },
      },
    })
    const referral = decideLinkAcceptance(
      options({ link: { ...link, associationType: 'referral' } })
    )
    expect(referral).toMatchObject({ ok: true, value: { accountFreeze: null } })
  })

  it('checks steps 1–4 in order and records none of them', () => {
    const all = {
      account: null,
      link: { ...link, status: 'DISABLED' as const },
      emailVerified: false,
      instructionsAccepted: false,
    }
    expect(codeOf(options(all))).toEqual(['NOT_AUTHENTICATED', false])
    expect(codeOf(options({ ...all, account: account() }))).toEqual([
      'OFFLINE_LINK_DISABLED',
      false,
    ])
    expect(codeOf(options({ emailVerified: false, instructionsAccepted: false }))).toEqual([
      'EMAIL_NOT_VERIFIED',
      false,
    ])
    expect(codeOf(options({ instructionsAccepted: false }))).toEqual(['AGREEMENT_REQUIRED', false])
    expect(codeOf(options({ link: { ...link, expiresAt: at(-1) } }))).toEqual([
      'OFFLINE_LINK_EXPIRED',
      false,
    ])
  })

  it('records the partner, customer and reseller checks (steps 5–7)', () => {
    expect(codeOf(options({ partner: partner({ customerDevelopmentEnabled: false }) }))).toEqual([
      'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
      true,
    ])
    expect(codeOf(options({ partner: partner({ isPrepaid: true }) }))).toEqual([
      'PREPAID_PARTNER_RESELLER',
      true,
    ])
    expect(codeOf(options({ account: account({ hasUnpaidBills: true }) }))).toEqual([
      'UNPAID_BILLS',
      true,
    ])
    expect(codeOf(options({ account: account({ isEnterpriseMember: true }) }))).toEqual([
      'RESELLER_BLOCKED_ENTERPRISE_MEMBER',
      true,
    ])
  })

  it('answers LINK_ALREADY_USED through the same link, ALREADY_ASSOCIATED otherwise', () => {
    const same = { partnerId: 'partner-acme', linkId: 'link-1' }
    expect(codeOf(options({ activeAssociation: same }))).toEqual(['LINK_ALREADY_USED', false])
    expect(codeOf(options({ activeAssociation: { ...same, linkId: 'link-2' } }))).toEqual([
      'ALREADY_ASSOCIATED',
      true,
    ])
    expect(codeOf(options({ activeAssociation: { partnerId: 'other', linkId: null } }))).toEqual([
      'ALREADY_ASSOCIATED',
      true,
    ])
  })

  it('refuses a customer held by another partner with the same code as by email', () => {
    const held = preregistration({
      partnerId: 'partner-other',
      emailCanonical: account().emailCanonical,
      validUntil: at(DAY_MS),
    })
    expect(codeOf(options({ otherPartnersHoldingRows: [held] }))).toEqual([
      'PREREGISTERED_BY_ANOTHER_PARTNER',
      true,
    ])
    const lapsed = { ...held, validUntil: at(-1) }
    expect(codeOf(options({ otherPartnersHoldingRows: [lapsed] }))).toBe('OK')
  })

  it('waives the age/spend check only for a chosen row that names this account', () => {
    const old = account({ registeredAt: at(-30 * DAY_MS) })
    expect(codeOf(options({ account: old }))).toEqual(['ACCOUNT_TOO_OLD_OR_HAS_SPEND', true])
    const waived = { ageSpendWaived: true, customerAccountId: old.id }
    expect(codeOf(options({ account: old, chosen: waived }))).toBe('OK')
    expect(
      codeOf(options({ account: old, chosen: { ...waived, customerAccountId: 'someone-else' } }))
    ).toEqual(['ACCOUNT_TOO_OLD_OR_HAS_SPEND', true])
  })
})

describe('linkChannelOf (§12.2.3)', () => {
  it('names the channel of a link kind', () => {
    expect([linkChannelOf('GENERAL'), linkChannelOf('CUSTOM')]).toEqual([
      'general_link',
      'custom_link',
    ])
  })
})

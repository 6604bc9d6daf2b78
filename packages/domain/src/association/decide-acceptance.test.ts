import { describe, expect, it } from 'vitest'
import { account, at, invitation, partner, preregistration } from '../../test/fixtures'
import { DAY_MS } from '../core/time'
import type { DecideAcceptanceOptions } from './decide-acceptance'
import { decideAcceptance } from './decide-acceptance'

const now = at(0)
const customer = account({ id: 'acc-1', emailCanonical: 'fresh.eligible@customer.example' })

function accept(overrides: Partial<DecideAcceptanceOptions> = {}) {
  return decideAcceptance({
    invitation: invitation(),
    account: customer,
    instructionsAccepted: true,
    partner: partner(),
    preregistration: preregistration({
      emailCanonical: 'fresh.eligible@customer.example',
      customerAccountId: 'acc-1',
    }),
    activeAssociation: null,
    otherPartnersHoldingRows: [],
    now,
    ...overrides,
  })
}

function outcome(result: ReturnType<typeof accept>) {
  return result.ok ? 'OK' : `${result.error.code}${result.error.record ? ' (recorded)' : ''}`
}

describe('decideAcceptance (R62–R67)', () => {
  it('creates a frozen reseller association paid by the partner (R66)', () => {
    expect(accept()).toEqual({
      ok: true,
      value: {
        association: {
          partnerId: 'partner-acme',
          customerAccountId: 'acc-1',
          type: 'reseller',
          payer: 'PARTNER',
          status: 'ACTIVE',
          origin: 'EMAIL_INVITATION',
          invitationId: 'invitation-1',
          preregistrationId: preregistration().id,
          frozenPendingBudget: true,
          associatedAt: now,
        },
        accountFreeze: { frozen: true, frozenReason: 'RESELLER_BUDGET_PENDING' },
      },
    })
  })

  it('creates an unfrozen referral association paid to the platform (R67)', () => {
    const result = accept({
      invitation: invitation({ associationType: 'referral' }),
      account: { ...customer, hasValidReservedInstances: true },
    })
    expect(result.ok && result.value.association).toMatchObject({
      type: 'referral',
      payer: 'PLATFORM',
      frozenPendingBudget: false,
    })
    expect(result.ok && result.value.accountFreeze).toBeNull()
  })

  it.each([
    ['NOT_AUTHENTICATED', { account: null }],
    ['LINK_EXPIRED', { invitation: invitation({ expiresAt: now }) }],
    ['LINK_ALREADY_USED', { invitation: invitation({ status: 'ACCEPTED' }) }],
    ['AGREEMENT_REQUIRED', { instructionsAccepted: false }],
    [
      'RECIPIENT_MISMATCH',
      { account: { ...customer, emailCanonical: 'other.person@customer.example' } },
    ],
  ] as [string, Partial<DecideAcceptanceOptions>][])(
    'refuses with %s and records nothing (steps 1–4)',
    (code, overrides) => {
      expect(outcome(accept(overrides))).toBe(code)
    }
  )

  it.each([
    [
      'CUSTOMER_DEVELOPMENT_NOT_ENABLED',
      { partner: partner({ customerDevelopmentEnabled: false }) },
    ],
    [
      'REFERRAL_NOT_ENABLED',
      {
        invitation: invitation({ associationType: 'referral' }),
        partner: partner({ referralModelEnabled: false }),
      },
    ],
    ['PREPAID_PARTNER_RESELLER', { partner: partner({ isPrepaid: true }) }],
    ['CUSTOMER_IS_PARTNER', { account: { ...customer, isPartner: true } }],
    ['ALREADY_ASSOCIATED', { activeAssociation: { status: 'ACTIVE' } }],
    [
      'PREREGISTERED_BY_ANOTHER_PARTNER',
      {
        otherPartnersHoldingRows: [
          preregistration({
            partnerId: 'partner-globex',
            emailCanonical: null,
            customerAccountId: 'acc-1',
          }),
        ],
      },
    ],
    ['SPECIAL_CONTRACT', { account: { ...customer, hasSpecialContract: true } }],
    ['UNPAID_BILLS', { account: { ...customer, hasUnpaidBills: true } }],
    ['ACCOUNT_TOO_OLD_OR_HAS_SPEND', { account: { ...customer, hasCashSpend: true } }],
    [
      'RESELLER_BLOCKED_PROFESSIONAL_SERVICE',
      { account: { ...customer, hasProfessionalServiceContract: true } },
    ],
    [
      'RESELLER_BLOCKED_RESERVED_INSTANCES',
      { account: { ...customer, hasValidReservedInstances: true } },
    ],
    ['RESELLER_BLOCKED_ENTERPRISE_MEMBER', { account: { ...customer, isEnterpriseMember: true } }],
    [
      'RESELLER_BLOCKED_MASTER_WITH_MEMBERS',
      { account: { ...customer, isEnterpriseMasterWithMembers: true } },
    ],
  ] as [string, Partial<DecideAcceptanceOptions>][])(
    'refuses with %s and records it (steps 5–7)',
    (code, overrides) => {
      expect(outcome(accept(overrides))).toBe(`${code} (recorded)`)
    }
  )

  it('runs the checks in the order of R62', () => {
    const flags = {
      isPartner: true,
      hasSpecialContract: true,
      hasUnpaidBills: true,
      hasCashSpend: true,
      hasProfessionalServiceContract: true,
      hasValidReservedInstances: true,
      isEnterpriseMember: true,
      isEnterpriseMasterWithMembers: true,
    }
    const claim = preregistration({
      partnerId: 'partner-globex',
      emailCanonical: 'fresh.eligible@customer.example',
    })
    let options: Partial<DecideAcceptanceOptions> = {
      account: null,
      invitation: invitation({ status: 'SUPERSEDED' }),
      instructionsAccepted: false,
      partner: partner({ customerDevelopmentEnabled: false, isPrepaid: true }),
      activeAssociation: { status: 'ACTIVE' },
      otherPartnersHoldingRows: [claim],
    }
    const steps: [string, Partial<DecideAcceptanceOptions>][] = [
      ['NOT_AUTHENTICATED', { account: { ...customer, ...flags, emailCanonical: 'x@y.example' } }],
      ['LINK_SUPERSEDED', { invitation: invitation() }],
      ['AGREEMENT_REQUIRED', { instructionsAccepted: true }],
      ['RECIPIENT_MISMATCH', { account: { ...customer, ...flags } }],
      ['CUSTOMER_DEVELOPMENT_NOT_ENABLED (recorded)', { partner: partner({ isPrepaid: true }) }],
      ['PREPAID_PARTNER_RESELLER (recorded)', { partner: partner() }],
      ['CUSTOMER_IS_PARTNER (recorded)', { account: { ...customer, ...flags, isPartner: false } }],
      ['ALREADY_ASSOCIATED (recorded)', { activeAssociation: null }],
      ['PREREGISTERED_BY_ANOTHER_PARTNER (recorded)', { otherPartnersHoldingRows: [] }],
      [
        'SPECIAL_CONTRACT (recorded)',
        { account: { ...customer, ...flags, isPartner: false, hasSpecialContract: false } },
      ],
    ]
    for (const [expected, fix] of steps) {
      expect(outcome(accept(options))).toBe(expected)
      options = { ...options, ...fix }
    }
    expect(outcome(accept(options))).toBe('UNPAID_BILLS (recorded)')
  })

  it('waives age and spend only for the reviewed account (R63)', () => {
    const old = { ...customer, registeredAt: at(-120 * DAY_MS), hasCashSpend: true }
    const waived = preregistration({ customerAccountId: 'acc-1', ageSpendWaived: true })
    expect(outcome(accept({ account: old, preregistration: waived }))).toBe('OK')
    expect(
      outcome(
        accept({ account: old, preregistration: { ...waived, customerAccountId: 'acc-other' } })
      )
    ).toBe('ACCOUNT_TOO_OLD_OR_HAS_SPEND (recorded)')
    expect(
      outcome(accept({ account: old, preregistration: { ...waived, ageSpendWaived: false } }))
    ).toBe('ACCOUNT_TOO_OLD_OR_HAS_SPEND (recorded)')
  })

  it("ignores the inviting partner's own rows and expired claims of others (R47)", () => {
    const own = preregistration({ partnerId: 'partner-acme', customerAccountId: 'acc-1' })
    const expired = preregistration({
      partnerId: 'partner-globex',
      customerAccountId: 'acc-1',
      validUntil: now,
    })
    expect(outcome(accept({ otherPartnersHoldingRows: [own, expired] }))).toBe('OK')
  })

  it('finds another claim on the invited email even when the account differs in mobile only', () => {
    const claim = preregistration({
      partnerId: 'partner-globex',
      emailCanonical: null,
      mobileE164: '+8613800000099',
    })
    expect(
      outcome(
        accept({
          account: { ...customer, mobileE164: '+8613800000099' },
          otherPartnersHoldingRows: [claim],
        })
      )
    ).toBe('PREREGISTERED_BY_ANOTHER_PARTNER (recorded)')
  })

  it('skips the recipient check for an invitation without a recipient email', () => {
    expect(
      outcome(
        accept({
          invitation: invitation({ recipientEmailCanonical: null }),
          account: { ...customer, emailCanonical: 'x@y.example' },
        })
      )
    ).toBe('OK')
  })

  it('ignores an ended association', () => {
    expect(outcome(accept({ activeAssociation: { status: 'ENDED' } }))).toBe('OK')
  })
})

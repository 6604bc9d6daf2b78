import { describe, expect, it } from 'vitest'
import { account, at, partner, preregistration } from '../../test/fixtures'
import { DAY_MS } from '../core/time'
import { normalizeMobile } from '../phone/normalize-mobile'
import type { DecidePreregistrationOptions } from './decide-preregistration'
import { decidePreregistration, latestProtection } from './decide-preregistration'
import type { PreregistrationInput } from './preregistration-input'
import { validatePreregistrationInput } from './preregistration-input'

const now = at(0)
const freshAccount = account({ id: 'acc-1', emailCanonical: 'fresh.eligible@customer.example' })

// Overrides take the raw request: it goes through R19 first, as the API does before its locks.
type Overrides = Partial<Omit<DecidePreregistrationOptions, 'input'>> & {
  input?: PreregistrationInput
}

function decide(overrides: Overrides = {}) {
  const {
    input: raw = { customerName: ' Fresh Eligible Ltd ', email: 'Fresh.Eligible@customer.example' },
    ...rest
  } = overrides
  const input = validatePreregistrationInput(raw, { normalizeMobile })
  if (!input.ok) return input
  return decidePreregistration({
    input: input.value,
    partner: partner(),
    holdingCount: 9,
    ownHoldingRows: [],
    otherPartnersHoldingRows: [],
    resolvedAccounts: [freshAccount],
    activeAssociationAccountIds: [],
    now,
    ...rest,
  })
}

function codeOf(result: ReturnType<typeof decide>) {
  return result.ok ? result.value.status : result.error.code
}

describe('decidePreregistration (§5.4)', () => {
  it('creates PRE_REGISTERED for 15 days from now (P1, R26)', () => {
    const result = decide()
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      status: 'PRE_REGISTERED',
      customerName: 'Fresh Eligible Ltd',
      email: 'Fresh.Eligible@customer.example',
      emailCanonical: 'fresh.eligible@customer.example',
      mobileE164: null,
      locale: 'en',
      customerAccountId: 'acc-1',
      validFrom: now,
      validUntil: at(15 * DAY_MS),
      reviewReason: null,
      reviewDeadline: null,
      ageSpendWaived: false,
    })
    expect(result.value.identityKeys).toEqual([
      'account:acc-1',
      'email:fresh.eligible@customer.example',
    ])
  })

  it('creates a row without an account for a new customer, in the requested language', () => {
    const result = decide({
      input: {
        customerName: 'Mobile Only',
        mobile: '+86 138 0000 0010',
        locale: 'zh-CN',
        email: '',
      },
      resolvedAccounts: [],
    })
    expect(result.ok && result.value).toMatchObject({
      customerAccountId: null,
      email: null,
      mobileE164: '+8613800000010',
      locale: 'zh-CN',
    })
  })

  it('defaults the language to en when the partner has none', () => {
    const result = decide({ partner: { ...partner(), defaultLocale: undefined } })
    expect(result.ok && result.value.locale).toBe('en')
  })

  it('uses the partner default language', () => {
    const result = decide({ partner: partner({ defaultLocale: 'zh-CN' }) })
    expect(result.ok && result.value.locale).toBe('zh-CN')
  })

  it.each([
    [{ customerName: '', email: 'a@b.example' }, ['customerName']],
    [{ customerName: 'X' }, ['email']],
    [{ customerName: 'X', email: 'not an email', mobile: '12' }, ['email', 'mobile']],
    [{ customerName: 'X', email: 'a@b.example', locale: 'fr' }, ['locale']],
  ])('refuses invalid input %j with every failing field (R19)', (input, paths) => {
    const result = decide({ input })
    expect(!result.ok && result.error.code).toBe('VALIDATION_FAILED')
    const fields = !result.ok ? (result.error.details?.fields as { path: string }[]) : []
    expect(fields.map((f) => f.path)).toEqual(paths)
  })

  it('sends an old or spending account to manual review (P2, R25)', () => {
    const result = decide({
      resolvedAccounts: [
        account({ ...freshAccount, registeredAt: at(-120 * DAY_MS), hasCashSpend: true }),
      ],
    })
    expect(result.ok && result.value).toMatchObject({
      status: 'PENDING_REVIEW',
      reviewReason: 'ACCOUNT_TOO_OLD_OR_HAS_SPEND',
      reviewDeadline: at(15 * DAY_MS),
      validFrom: null,
      validUntil: null,
    })
  })

  it('does not review an account exactly 7 days old', () => {
    expect(
      codeOf(
        decide({ resolvedAccounts: [account({ ...freshAccount, registeredAt: at(-7 * DAY_MS) })] })
      )
    ).toBe('PRE_REGISTERED')
  })

  const otherClaim = preregistration({
    id: 'g01',
    partnerId: 'partner-globex',
    emailCanonical: 'fresh.eligible@customer.example',
    validUntil: at(10 * DAY_MS),
  })

  it.each([
    ['PARTNER_CONTACT_MISSING', { partner: partner({ contactEmail: null, contactMobile: null }) }],
    ['QUOTA_EXCEEDED', { holdingCount: 100 }],
    [
      'IDENTITY_AMBIGUOUS',
      {
        input: {
          customerName: 'X',
          email: 'ps.contract@customer.example',
          mobile: '+8613800000099',
        },
        resolvedAccounts: [
          account({ id: 'ps', emailCanonical: 'ps.contract@customer.example' }),
          account({
            id: 'other',
            emailCanonical: 'other.person@customer.example',
            mobileE164: '+8613800000099',
          }),
        ],
      },
    ],
    [
      'ALREADY_PREREGISTERED',
      { ownHoldingRows: [preregistration({ emailCanonical: 'fresh.eligible@customer.example' })] },
    ],
    ['PREREGISTERED_BY_ANOTHER_PARTNER', { otherPartnersHoldingRows: [otherClaim] }],
    ['CUSTOMER_IS_PARTNER', { resolvedAccounts: [account({ ...freshAccount, isPartner: true })] }],
    ['ALREADY_ASSOCIATED', { activeAssociationAccountIds: ['acc-1'] }],
    [
      'SPECIAL_CONTRACT',
      { resolvedAccounts: [account({ ...freshAccount, hasSpecialContract: true })] },
    ],
  ] as [string, Overrides][])('refuses with %s', (code, overrides) => {
    expect(codeOf(decide(overrides))).toBe(code)
  })

  it('runs the checks in the order R19 → R20 → R21 → R18 → R22 → R23 → R24', () => {
    const everything: Overrides = {
      partner: partner({ contactEmail: null, contactMobile: null }),
      holdingCount: 100,
      ownHoldingRows: [preregistration({ emailCanonical: 'fresh.eligible@customer.example' })],
      otherPartnersHoldingRows: [otherClaim],
      resolvedAccounts: [account({ ...freshAccount, isPartner: true, hasSpecialContract: true })],
      activeAssociationAccountIds: ['acc-1'],
    }
    const order = [
      'PARTNER_CONTACT_MISSING',
      'QUOTA_EXCEEDED',
      'ALREADY_PREREGISTERED',
      'PREREGISTERED_BY_ANOTHER_PARTNER',
      'CUSTOMER_IS_PARTNER',
      'ALREADY_ASSOCIATED',
      'SPECIAL_CONTRACT',
    ]
    const fixes: Overrides[] = [
      { partner: partner() },
      { holdingCount: 0 },
      { ownHoldingRows: [] },
      { otherPartnersHoldingRows: [] },
      { resolvedAccounts: [account({ ...freshAccount, hasSpecialContract: true })] },
      { activeAssociationAccountIds: [] },
      { resolvedAccounts: [freshAccount] },
    ]
    const applied = { ...everything }
    expect(codeOf(decide({ ...applied, input: { customerName: '' } }))).toBe('VALIDATION_FAILED')
    order.forEach((code, i) => {
      expect(codeOf(decide(applied))).toBe(code)
      Object.assign(applied, fixes[i])
    })
    expect(codeOf(decide(applied))).toBe('PRE_REGISTERED')
  })

  it('answers the latest protection instant of the overlapping rows, naming no partner (R23)', () => {
    const review = preregistration({
      id: 'u1',
      partnerId: 'partner-umbrella',
      status: 'PENDING_REVIEW',
      emailCanonical: null,
      customerAccountId: 'acc-1',
      validUntil: null,
      reviewDeadline: at(14 * DAY_MS),
    })
    const result = decide({ otherPartnersHoldingRows: [otherClaim, review] })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'PREREGISTERED_BY_ANOTHER_PARTNER',
        details: { protectedUntil: at(14 * DAY_MS).toISOString() },
      },
    })
  })

  it('matches another partner through the resolved account mobile (R17)', () => {
    const byMobile = preregistration({
      partnerId: 'partner-globex',
      emailCanonical: null,
      mobileE164: '+8613800000099',
    })
    const withMobile = account({ ...freshAccount, mobileE164: '+8613800000099' })
    expect(
      codeOf(decide({ resolvedAccounts: [withMobile], otherPartnersHoldingRows: [byMobile] }))
    ).toBe('PREREGISTERED_BY_ANOTHER_PARTNER')
  })

  it('ignores expired, rejected and imported rows of any partner (R30, R34)', () => {
    const stale = [
      preregistration({
        partnerId: 'partner-globex',
        emailCanonical: 'fresh.eligible@customer.example',
        validUntil: now,
      }),
      preregistration({
        partnerId: 'partner-acme',
        status: 'REJECTED',
        emailCanonical: 'fresh.eligible@customer.example',
      }),
      preregistration({
        partnerId: 'partner-acme',
        status: 'NOT_PREREGISTERED',
        emailCanonical: 'fresh.eligible@customer.example',
      }),
    ]
    expect(
      codeOf(
        decide({ ownHoldingRows: stale.slice(1), otherPartnersHoldingRows: stale.slice(0, 1) })
      )
    ).toBe('PRE_REGISTERED')
  })

  it('names the own duplicate row only to a user who may see it (R22)', () => {
    const dup = preregistration({
      id: 'p01',
      createdByUserId: 'user-sales',
      emailCanonical: 'fresh.eligible@customer.example',
    })
    const am = { role: 'account_manager' as const, userId: 'user-am', partnerId: 'partner-acme' }
    const sales = { role: 'sales' as const, userId: 'user-x', partnerId: 'partner-acme' }
    const hidden = decide({ ownHoldingRows: [dup], actor: am })
    const shown = decide({ ownHoldingRows: [dup], actor: sales })
    expect(!hidden.ok && hidden.error).toEqual({ code: 'ALREADY_PREREGISTERED' })
    expect(!shown.ok && shown.error).toEqual({
      code: 'ALREADY_PREREGISTERED',
      details: { preregistrationId: 'p01' },
    })
  })

  it('computes no protection for rows without an end', () => {
    expect(latestProtection([])).toBeNull()
    expect(latestProtection([preregistration({ validUntil: null })])).toBeNull()
    expect(
      latestProtection([
        preregistration({ validUntil: at(2) }),
        preregistration({ validUntil: at(1) }),
      ])
    ).toEqual(at(2))
  })
})

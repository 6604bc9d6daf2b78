import { describe, expect, it } from 'vitest'
import { planAssociation } from './plan-association'

const now = new Date('2026-12-07T08:00:00Z')
const ids = { partnerId: 'partner-1', customerAccountId: 'account-1', now }

describe('planAssociation (R65–R67)', () => {
  it('makes the partner pay for a reseller and freezes the account pending a budget', () => {
    expect(planAssociation({ ...ids, type: 'reseller', origin: 'EMAIL_INVITATION' })).toEqual({
      association: {
        partnerId: 'partner-1',
        customerAccountId: 'account-1',
        type: 'reseller',
        payer: 'PARTNER',
        status: 'ACTIVE',
        origin: 'EMAIL_INVITATION',
        frozenPendingBudget: true,
        associatedAt: now,
      },
      accountFreeze: { frozen: true, frozenReason: 'RESELLER_BUDGET_PENDING' },
    })
  })

  it('makes the platform pay for a referral and leaves the account alone', () => {
    const plan = planAssociation({ ...ids, type: 'referral', origin: 'LINK_INVITATION' })
    expect(plan.association).toMatchObject({
      payer: 'PLATFORM',
      origin: 'LINK_INVITATION',
      frozenPendingBudget: false,
    })
    expect(plan.accountFreeze).toBeNull()
  })
})

import type {
  CustomerAccountSnapshot,
  InvitationSnapshot,
  PartnerSnapshot,
  PreregistrationSnapshot,
} from '../src/core/entities'
import { DAY_MS } from '../src/core/time'

// Shared builders for the tests: one fixed reference instant and rows that pass every rule,
// so each test changes only the field it is about.

/** The reference instant of the tests (the seed's `T`). */
export const T = new Date('2025-01-15T09:30:00.000Z')

/** `T` shifted by milliseconds. */
export function at(offsetMs: number): Date {
  return new Date(T.getTime() + offsetMs)
}

/** A partner that may do everything. */
export function partner(overrides: Partial<PartnerSnapshot> = {}): PartnerSnapshot {
  return {
    id: 'partner-acme',
    customerDevelopmentEnabled: true,
    referralModelEnabled: true,
    isPrepaid: false,
    preregistrationQuota: 100,
    dailyInviteCap: 500,
    contactEmail: 'partners@acme.example',
    contactMobile: null,
    defaultLocale: 'en',
    ...overrides,
  }
}

/** A fresh, eligible customer account. */
export function account(overrides: Partial<CustomerAccountSnapshot> = {}): CustomerAccountSnapshot {
  return {
    id: 'account-fresh',
    emailCanonical: 'fresh.eligible@customer.example',
    mobileE164: null,
    registeredAt: at(-2 * DAY_MS),
    isPartner: false,
    hasSpecialContract: false,
    hasCashSpend: false,
    hasUnpaidBills: false,
    hasProfessionalServiceContract: false,
    hasValidReservedInstances: false,
    isEnterpriseMember: false,
    isEnterpriseMasterWithMembers: false,
    ...overrides,
  }
}

/** A holding `PRE_REGISTERED` row of Acme, valid for 12 more days. */
export function preregistration(
  overrides: Partial<PreregistrationSnapshot> = {}
): PreregistrationSnapshot {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    partnerId: 'partner-acme',
    createdByUserId: 'user-sales',
    status: 'PRE_REGISTERED',
    emailCanonical: 'new.alpha@customer.example',
    mobileE164: null,
    customerAccountId: null,
    validUntil: at(12 * DAY_MS),
    reviewDeadline: null,
    ageSpendWaived: false,
    ...overrides,
  }
}

/** A `SENT` invitation of that row, with a token issued a day ago. */
export function invitation(overrides: Partial<InvitationSnapshot> = {}): InvitationSnapshot {
  return {
    id: 'invitation-1',
    partnerId: 'partner-acme',
    preregistrationId: '00000000-0000-4000-8000-000000000001',
    createdByUserId: 'user-sales',
    associationType: 'reseller',
    recipientEmailCanonical: 'fresh.eligible@customer.example',
    createdAt: at(-DAY_MS),
    renewalRequestedAt: null,
    status: 'SENT',
    expiresAt: at(6 * DAY_MS),
    sentAt: at(-DAY_MS),
    attemptCount: 1,
    lastAttemptAt: at(-DAY_MS),
    failureCode: null,
    supersededById: null,
    acceptedAt: null,
    acceptedCustomerAccountId: null,
    associationId: null,
    failedAt: null,
    failedCustomerAccountId: null,
    ...overrides,
  }
}

/** A well-formed UUID whose last group is `n`. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
}

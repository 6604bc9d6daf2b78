import type { Locale } from './locale'
import type { FailureCode } from '../failures/failure-codes'
import type {
  AssociationStatus,
  AssociationType,
  InvitationStatus,
  PreregistrationStatus,
} from './statuses'

// Snapshots list only the fields the rules read. Callers pass full database rows; structural
// typing accepts them, so no mapping layer is needed.

/**
 * The fields of a Partner (§2.2, §3.1) the rules read.
 *
 * @example
 * const partner: PartnerSnapshot = { id: 'p1', customerDevelopmentEnabled: true, referralModelEnabled: false, isPrepaid: false, preregistrationQuota: 100, dailyInviteCap: 500, contactEmail: 'a@b.example', contactMobile: null }
 */
export interface PartnerSnapshot {
  id: string
  customerDevelopmentEnabled: boolean
  referralModelEnabled: boolean
  isPrepaid: boolean
  preregistrationQuota: number
  dailyInviteCap: number
  contactEmail: string | null
  contactMobile: string | null
  defaultLocale?: Locale
}

/**
 * The fields of a CustomerAccount (§3.3) the rules read.
 *
 * @example
 * const account: CustomerAccountSnapshot = { id: 'a1', emailCanonical: 'x@y.example', mobileE164: null, registeredAt: now, isPartner: false, hasSpecialContract: false, hasCashSpend: false, hasUnpaidBills: false, hasProfessionalServiceContract: false, hasValidReservedInstances: false, isEnterpriseMember: false, isEnterpriseMasterWithMembers: false }
 */
export interface CustomerAccountSnapshot {
  id: string
  emailCanonical: string
  mobileE164: string | null
  registeredAt: Date
  isPartner: boolean
  hasSpecialContract: boolean
  hasCashSpend: boolean
  hasUnpaidBills: boolean
  hasProfessionalServiceContract: boolean
  hasValidReservedInstances: boolean
  isEnterpriseMember: boolean
  isEnterpriseMasterWithMembers: boolean
}

/**
 * The fields of a PreRegistration (§3.4) the rules read.
 *
 * @example
 * const row: PreregistrationSnapshot = { id: 'r1', partnerId: 'p1', createdByUserId: 'u1', status: 'PRE_REGISTERED', emailCanonical: 'x@y.example', mobileE164: null, customerAccountId: null, validUntil: later, reviewDeadline: null, ageSpendWaived: false }
 */
export interface PreregistrationSnapshot {
  id: string
  partnerId: string
  createdByUserId: string
  status: PreregistrationStatus
  emailCanonical: string | null
  mobileE164: string | null
  customerAccountId: string | null
  validUntil: Date | null
  reviewDeadline: Date | null
  ageSpendWaived: boolean
}

/**
 * The time-dependent state of an Invitation (§3.5) that the state machine reads and writes.
 *
 * @example
 * const state: InvitationState = { status: 'QUEUED', expiresAt: null, sentAt: null, attemptCount: 0, lastAttemptAt: null, failureCode: null, supersededById: null, acceptedAt: null, acceptedCustomerAccountId: null, associationId: null, failedAt: null, failedCustomerAccountId: null }
 */
export interface InvitationState {
  status: InvitationStatus
  expiresAt: Date | null
  sentAt: Date | null
  attemptCount: number
  lastAttemptAt: Date | null
  failureCode: FailureCode | null
  supersededById: string | null
  acceptedAt: Date | null
  acceptedCustomerAccountId: string | null
  associationId: string | null
  failedAt: Date | null
  failedCustomerAccountId: string | null
  /** When SMTP first accepted the reminder (I12); absent or null: none sent. */
  reminderSentAt?: Date | null
}

/**
 * An Invitation with its identity fields, as read by acceptance and link rules.
 *
 * @example
 * const invitation: InvitationSnapshot = { ...state, id: 'i1', partnerId: 'p1', preregistrationId: 'r1', createdByUserId: 'u1', associationType: 'reseller', recipientEmailCanonical: 'x@y.example', createdAt: now, renewalRequestedAt: null }
 */
export interface InvitationSnapshot extends InvitationState {
  id: string
  partnerId: string
  preregistrationId: string
  createdByUserId: string
  associationType: AssociationType
  recipientEmailCanonical: string | null
  createdAt: Date
  renewalRequestedAt: Date | null
}

/**
 * The fields of an Association (§3.7) the rules read.
 *
 * @example
 * const association: AssociationSnapshot = { partnerId: 'p2', customerAccountId: 'a1', status: 'ACTIVE' }
 */
export interface AssociationSnapshot {
  partnerId: string
  customerAccountId: string
  status: AssociationStatus
}

/**
 * Statuses of a pre-registration (domain.md §4.1).
 *
 * @example
 * PREREGISTRATION_STATUSES.includes('PENDING_REVIEW') // true
 */
export const PREREGISTRATION_STATUSES = [
  'PENDING_REVIEW',
  'PRE_REGISTERED',
  'REJECTED',
  'EXPIRED',
  'CONVERTED',
  'DELETED',
  'NOT_PREREGISTERED',
] as const

/**
 * One pre-registration status.
 *
 * @example
 * const status: PreregistrationStatus = 'PRE_REGISTERED'
 */
export type PreregistrationStatus = (typeof PREREGISTRATION_STATUSES)[number]

/**
 * Stored statuses that make an invitation live while its `expiresAt` has not passed (R44: the
 * partial unique index covers exactly these).
 *
 * @example
 * LIVE_INVITATION_STATUSES.includes('SEND_FAILED') // true
 */
export const LIVE_INVITATION_STATUSES = ['QUEUED', 'SENT', 'SEND_FAILED'] as const

/**
 * Invitation statuses no transition leaves (§4.2).
 *
 * @example
 * TERMINAL_INVITATION_STATUSES.includes('ACCEPTED') // true
 */
export const TERMINAL_INVITATION_STATUSES = [
  'ACCEPTED',
  'ASSOCIATION_FAILED',
  'EXPIRED',
  'SUPERSEDED',
  'REVOKED',
  'FAILED_TO_SEND',
] as const

/**
 * Statuses of an invitation (domain.md §4.2): the live ones, then the terminal ones. Every
 * status is exactly one of the two, so the list is built from them.
 *
 * @example
 * INVITATION_STATUSES.length // 9
 */
export const INVITATION_STATUSES = [
  ...LIVE_INVITATION_STATUSES,
  ...TERMINAL_INVITATION_STATUSES,
] as const

/**
 * One invitation status.
 *
 * @example
 * const status: InvitationStatus = 'SENT'
 */
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/**
 * Statuses of an outbox message (§3.8).
 *
 * @example
 * OUTBOX_STATUSES[0] // 'PENDING'
 */
export const OUTBOX_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'] as const

/**
 * One outbox status.
 *
 * @example
 * const status: OutboxStatus = 'CANCELLED'
 */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * Kinds of outbox message (§3.8).
 *
 * @example
 * OUTBOX_KINDS.includes('INVITATION_EMAIL') // true
 */
export const OUTBOX_KINDS = [
  'INVITATION_EMAIL',
  'ASSOCIATION_SUCCESS_EMAIL',
  'RENEWAL_REQUEST_EMAIL',
  'EMAIL_CODE',
  'INVITATION_REMINDER',
  // To an endpoint's creator when a day of failures disabled it (issue 21, R134).
  'WEBHOOK_ENDPOINT_DISABLED_EMAIL',
] as const

/**
 * One outbox message kind.
 *
 * @example
 * const kind: OutboxKind = 'RENEWAL_REQUEST_EMAIL'
 */
export type OutboxKind = (typeof OUTBOX_KINDS)[number]

/**
 * Association types, lower case exactly as in domain.md.
 *
 * @example
 * ASSOCIATION_TYPES // ['reseller', 'referral']
 */
export const ASSOCIATION_TYPES = ['reseller', 'referral'] as const

/**
 * One association type.
 *
 * @example
 * const type: AssociationType = 'referral'
 */
export type AssociationType = (typeof ASSOCIATION_TYPES)[number]

/**
 * Association statuses (§3.7); `ENDED` is reserved for later extensions.
 *
 * @example
 * ASSOCIATION_STATUSES[0] // 'ACTIVE'
 */
export const ASSOCIATION_STATUSES = ['ACTIVE', 'ENDED'] as const

/**
 * One association status.
 *
 * @example
 * const status: AssociationStatus = 'ACTIVE'
 */
export type AssociationStatus = (typeof ASSOCIATION_STATUSES)[number]

/**
 * Who pays under an association (§3.7).
 *
 * @example
 * PAYERS // ['PARTNER', 'PLATFORM']
 */
export const PAYERS = ['PARTNER', 'PLATFORM'] as const

/**
 * One payer.
 *
 * @example
 * const payer: Payer = 'PLATFORM'
 */
export type Payer = (typeof PAYERS)[number]

/**
 * Kinds of invitation batch (§3.6).
 *
 * @example
 * BATCH_KINDS // ['INVITE', 'RESEND']
 */
export const BATCH_KINDS = ['INVITE', 'RESEND'] as const

/**
 * One batch kind.
 *
 * @example
 * const kind: BatchKind = 'RESEND'
 */
export type BatchKind = (typeof BATCH_KINDS)[number]

/**
 * Kinds of invitation link (§12.2.1): a user's personal link, or one created with a tag.
 *
 * @example
 * INVITATION_LINK_KINDS // ['GENERAL', 'CUSTOM']
 */
export const INVITATION_LINK_KINDS = ['GENERAL', 'CUSTOM'] as const

/**
 * One invitation link kind.
 *
 * @example
 * const kind: InvitationLinkKind = 'GENERAL'
 */
export type InvitationLinkKind = (typeof INVITATION_LINK_KINDS)[number]

/**
 * Stored and effective statuses of an invitation link (§12.3.1).
 *
 * @example
 * INVITATION_LINK_STATUSES.includes('RESET') // true
 */
export const INVITATION_LINK_STATUSES = ['ACTIVE', 'DISABLED', 'EXPIRED', 'RESET'] as const

/**
 * One invitation link status.
 *
 * @example
 * const status: InvitationLinkStatus = 'DISABLED'
 */
export type InvitationLinkStatus = (typeof INVITATION_LINK_STATUSES)[number]

/**
 * Statuses of a pending link registration (§12.2.2): waiting for its code, confirmed, or void
 * (tries used up, superseded, or its link stopped working).
 *
 * @example
 * PENDING_LINK_REGISTRATION_STATUSES // ['PENDING', 'CONFIRMED', 'VOID']
 */
export const PENDING_LINK_REGISTRATION_STATUSES = ['PENDING', 'CONFIRMED', 'VOID'] as const

/**
 * One pending link registration status.
 *
 * @example
 * const status: PendingRegistrationStatus = 'VOID'
 */
export type PendingRegistrationStatus = (typeof PENDING_LINK_REGISTRATION_STATUSES)[number]

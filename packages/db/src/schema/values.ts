// The value lists stored in the database, spelled exactly as domain.md writes them. They live here
// for now; the lead will later point them at @partner-center/domain so both share one source.

/** Languages of the UI and of emails (domain.md §3.1). */
export const LOCALES = ['en', 'zh-CN'] as const
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number]

/** Roles of partner users plus the ecosystem manager (domain.md §3.2). */
export const USER_ROLES = [
  'admin',
  'sales',
  'account_manager',
  'read_only',
  'ecosystem_manager',
] as const
/** One of {@link USER_ROLES}. */
export type UserRole = (typeof USER_ROLES)[number]

/** Sign-in status of a user (domain.md §3.2). */
export const USER_STATUSES = ['ACTIVE', 'DISABLED'] as const
/** One of {@link USER_STATUSES}. */
export type UserStatus = (typeof USER_STATUSES)[number]

/** How a customer account came to exist (domain.md §3.3). */
export const REGISTERED_VIA = ['SELF', 'INVITATION', 'SEED'] as const
/** One of {@link REGISTERED_VIA}. */
export type RegisteredVia = (typeof REGISTERED_VIA)[number]

/** Why a customer account is frozen (domain.md §3.3, R66). */
export const FROZEN_REASONS = ['RESELLER_BUDGET_PENDING'] as const
/** One of {@link FROZEN_REASONS}. */
export type FrozenReason = (typeof FROZEN_REASONS)[number]

/** Origin of a pre-registration row (domain.md §3.4). */
export const PREREGISTRATION_SOURCES = ['PARTNER_CENTER', 'IMPORTED'] as const
/** One of {@link PREREGISTRATION_SOURCES}. */
export type PreregistrationSource = (typeof PREREGISTRATION_SOURCES)[number]

/** Stored statuses of a pre-registration (domain.md §4.1). */
export const PREREGISTRATION_STATUSES = [
  'PENDING_REVIEW',
  'PRE_REGISTERED',
  'REJECTED',
  'EXPIRED',
  'CONVERTED',
  'DELETED',
  'NOT_PREREGISTERED',
] as const
/** One of {@link PREREGISTRATION_STATUSES}. */
export type PreregistrationStatus = (typeof PREREGISTRATION_STATUSES)[number]

/** Statuses that hold an identity and count against the quota (domain.md §1, R28). */
export const HOLDING_PREREGISTRATION_STATUSES = ['PENDING_REVIEW', 'PRE_REGISTERED'] as const

/** Delivery channels of an invitation (domain.md §3.5). */
export const INVITATION_CHANNELS = ['email'] as const
/** One of {@link INVITATION_CHANNELS}. */
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number]

/** Association types (domain.md §1). */
export const ASSOCIATION_TYPES = ['reseller', 'referral'] as const
/** One of {@link ASSOCIATION_TYPES}. */
export type AssociationType = (typeof ASSOCIATION_TYPES)[number]

/** Stored statuses of an invitation (domain.md §4.2). */
export const INVITATION_STATUSES = [
  'QUEUED',
  'SENT',
  'SEND_FAILED',
  'ACCEPTED',
  'ASSOCIATION_FAILED',
  'EXPIRED',
  'SUPERSEDED',
  'REVOKED',
  'FAILED_TO_SEND',
] as const
/** One of {@link INVITATION_STATUSES}. */
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/** Statuses of a live invitation; at most one per pre-registration (R44). */
export const LIVE_INVITATION_STATUSES = ['QUEUED', 'SENT', 'SEND_FAILED'] as const

/** What created an invitation batch (domain.md §3.6). */
export const INVITATION_BATCH_KINDS = ['INVITE', 'RESEND'] as const
/** One of {@link INVITATION_BATCH_KINDS}. */
export type InvitationBatchKind = (typeof INVITATION_BATCH_KINDS)[number]

/** Per-row outcome inside a batch (domain.md §3.6). */
export const BATCH_ROW_OUTCOMES = ['QUEUED', 'SKIPPED'] as const
/** One of {@link BATCH_ROW_OUTCOMES}. */
export type BatchRowOutcome = (typeof BATCH_ROW_OUTCOMES)[number]

/** Who pays under an association (domain.md §3.7). */
export const PAYERS = ['PARTNER', 'PLATFORM'] as const
/** One of {@link PAYERS}. */
export type Payer = (typeof PAYERS)[number]

/** Association statuses (domain.md §4.3). */
export const ASSOCIATION_STATUSES = ['ACTIVE', 'ENDED'] as const
/** One of {@link ASSOCIATION_STATUSES}. */
export type AssociationStatus = (typeof ASSOCIATION_STATUSES)[number]

/** How an association was created (domain.md §3.7). */
export const ASSOCIATION_ORIGINS = ['EMAIL_INVITATION', 'IMPORTED'] as const
/** One of {@link ASSOCIATION_ORIGINS}. */
export type AssociationOrigin = (typeof ASSOCIATION_ORIGINS)[number]

/** Kinds of outbox message (domain.md §3.8). */
export const OUTBOX_KINDS = [
  'INVITATION_EMAIL',
  'ASSOCIATION_SUCCESS_EMAIL',
  'RENEWAL_REQUEST_EMAIL',
] as const
/** One of {@link OUTBOX_KINDS}. */
export type OutboxKind = (typeof OUTBOX_KINDS)[number]

/** Outbox statuses (domain.md §3.8). */
export const OUTBOX_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'] as const
/** One of {@link OUTBOX_STATUSES}. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** Actor kinds recorded in the audit log (domain.md §3.9). */
export const AUDIT_ACTOR_TYPES = [
  'partner_user',
  'ecosystem_manager',
  'customer',
  'link_holder',
  'system',
] as const
/** One of {@link AUDIT_ACTOR_TYPES}. */
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

/** Who an access token signs in: a user (partner staff or ecosystem manager) or a customer. */
export const ACCESS_TOKEN_PRINCIPAL_KINDS = ['user', 'customer'] as const
/** One of {@link ACCESS_TOKEN_PRINCIPAL_KINDS}. */
export type AccessTokenPrincipalKind = (typeof ACCESS_TOKEN_PRINCIPAL_KINDS)[number]

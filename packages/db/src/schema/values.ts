// The value lists stored in the database, spelled exactly as domain.md writes them. Lists the
// domain package owns are re-exported from it, so CHECK constraints and rules share one source;
// the rest exist only because of storage.

export {
  API_KEY_ROLES,
  API_KEY_STATUSES,
  ASSOCIATION_STATUSES,
  ASSOCIATION_TYPES,
  AUDIT_ACTOR_TYPES,
  BATCH_KINDS as INVITATION_BATCH_KINDS,
  BATCH_ROW_OUTCOMES,
  INVITATION_CHANNELS,
  INVITATION_LINK_KINDS,
  INVITATION_LINK_STATUSES,
  INVITATION_TOKEN_PURPOSES,
  INVITATION_STATUSES,
  LIVE_INVITATION_STATUSES,
  LOCALES,
  OUTBOX_KINDS,
  OUTBOX_STATUSES,
  PAYERS,
  PENDING_LINK_REGISTRATION_PURPOSES,
  PENDING_LINK_REGISTRATION_STATUSES,
  PREREGISTRATION_SOURCES,
  PREREGISTRATION_STATUSES,
  ROLES as USER_ROLES,
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_CANCEL_REASONS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ENDPOINT_STATUSES,
  WEBHOOK_ENTITY_TYPES,
} from '@partner-center/domain'
export type {
  ApiKeyRole,
  ApiKeyStatus,
  AssociationStatus,
  AssociationType,
  AuditActorType,
  BatchKind as InvitationBatchKind,
  BatchRowOutcomeValue as BatchRowOutcome,
  InvitationChannel,
  InvitationLinkKind,
  InvitationLinkStatus,
  InvitationTokenPurpose,
  InvitationStatus,
  Locale,
  OutboxKind,
  OutboxStatus,
  Payer,
  PendingRegistrationPurpose,
  PendingRegistrationStatus,
  PreregistrationSource,
  PreregistrationStatus,
  Role as UserRole,
  WebhookAttemptOutcome,
  WebhookCancelReason,
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookEndpointStatus,
  WebhookEntityType,
  WebhookEventRowType,
  WebhookEventType,
} from '@partner-center/domain'

/** Sign-in status of a user (domain.md §3.2). */
export const USER_STATUSES = ['ACTIVE', 'DISABLED'] as const
/** One of {@link USER_STATUSES}. */
export type UserStatus = (typeof USER_STATUSES)[number]

/** How a customer account came to exist (domain.md §3.3). */
export const REGISTERED_VIA = ['SELF', 'INVITATION', 'SEED', 'LINK'] as const
/** One of {@link REGISTERED_VIA}. */
export type RegisteredVia = (typeof REGISTERED_VIA)[number]

/** Why a customer account is frozen (domain.md §3.3, R66). */
export const FROZEN_REASONS = ['RESELLER_BUDGET_PENDING'] as const
/** One of {@link FROZEN_REASONS}. */
export type FrozenReason = (typeof FROZEN_REASONS)[number]

/** Statuses that hold an identity and count against the quota (domain.md §1, R28). */
export const HOLDING_PREREGISTRATION_STATUSES = ['PENDING_REVIEW', 'PRE_REGISTERED'] as const

/**
 * Why a pre-registration was closed other than by its own clock (issue 13): `IDENTITY_MERGED`
 * when the identity data step found it duplicating an earlier holding row of the same customer.
 * A failure catalogue code, so the page shows its message on hover.
 */
export const PREREGISTRATION_CLOSED_REASONS = ['IDENTITY_MERGED'] as const
/** One of {@link PREREGISTRATION_CLOSED_REASONS}. */
export type PreregistrationClosedReason = (typeof PREREGISTRATION_CLOSED_REASONS)[number]

/** How an association was created (domain.md §3.7). */
export const ASSOCIATION_ORIGINS = ['EMAIL_INVITATION', 'IMPORTED', 'LINK_INVITATION'] as const
/** One of {@link ASSOCIATION_ORIGINS}. */
export type AssociationOrigin = (typeof ASSOCIATION_ORIGINS)[number]

/** Who an access token signs in: a user (partner staff or ecosystem manager) or a customer. */
export const ACCESS_TOKEN_PRINCIPAL_KINDS = ['user', 'customer'] as const
/** One of {@link ACCESS_TOKEN_PRINCIPAL_KINDS}. */
export type AccessTokenPrincipalKind = (typeof ACCESS_TOKEN_PRINCIPAL_KINDS)[number]

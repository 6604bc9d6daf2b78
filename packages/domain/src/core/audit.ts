/**
 * Audit actions (R75); exactly one event per state change.
 *
 * @example
 * AUDIT_ACTIONS.includes('invitation.accepted') // true
 */
export const AUDIT_ACTIONS = [
  'preregistration.created',
  'preregistration.refused',
  'preregistration.review_approved',
  'preregistration.review_rejected',
  'preregistration.expired',
  'preregistration.deleted',
  'preregistration.converted',
  'invitation_batch.submitted',
  'invitation.queued',
  'invitation.resent',
  'invitation.sent',
  'invitation.send_failed',
  'invitation.failed_to_send',
  'invitation.superseded',
  'invitation.revoked',
  'invitation.expired',
  'invitation.accepted',
  'invitation.association_failed',
  'invitation.renewal_requested',
  'association.created',
  'account.frozen_pending_budget',
  'customer_account.registered',
  'acceptance.refused',
  'pii.revealed',
  // A list or History search for an email or a number (M9a): it can confirm a masked value.
  'pii.searched',
  'partner.capabilities_changed',
  // A production process found rows of the demo seed (public password or token secret), issue 13.
  'user.demo_disabled',
  'customer_account.demo_disabled',
  'invitation_token.demo_disabled',
  // The identity data step of issue 13 (system actor): a stored value moved to the current
  // canonical form, or a newer duplicate of one identity was merged into the earlier row.
  'identity.canonicalised',
  'preregistration.identity_merged',
  'customer_account.identity_merged',
  'user.identity_merged',
  // Offline invitations and reminders (issue 20, R120). Never with the link code or URL.
  'invitation_link.created',
  'invitation_link.reset',
  'invitation_link.disabled',
  'invitation_link.enabled',
  'invitation_link.expired',
  'invitation.reminder_sent',
  'customer_account.email_verified',
  // API keys (issue 21, R146). Details: the key's prefix, role and name, never the key.
  'api_key.created',
  'api_key.revoked',
  // Webhooks (issue 21, R146). Details: ids, event types, the reason and the URL as origin and
  // path (R144), never a secret. Fan-out, attempts and retries are the delivery log's record.
  'webhook_endpoint.created',
  'webhook_endpoint.updated',
  'webhook_endpoint.enabled',
  'webhook_endpoint.disabled',
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.deleted',
  'webhook_endpoint.test_sent',
  'webhook_delivery.redelivered',
] as const

/**
 * One audit action.
 *
 * @example
 * const action: AuditAction = 'pii.revealed'
 */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * Kinds of audit actor (§3.9).
 *
 * @example
 * AUDIT_ACTOR_TYPES.includes('system') // true
 */
export const AUDIT_ACTOR_TYPES = [
  'partner_user',
  'ecosystem_manager',
  'customer',
  'link_holder',
  'system',
  // A system calling with an API key (R142): `actorId` is the key's id.
  'api_key',
] as const

/**
 * One audit actor type.
 *
 * @example
 * const actor: AuditActorType = 'link_holder'
 */
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number]

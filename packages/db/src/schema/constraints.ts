/**
 * Names of the unique constraints and unique indexes that guard invariants under concurrency
 * (architecture.md §6). `getUniqueViolation()` returns one of these, so callers compare against
 * this object instead of retyping strings.
 *
 * @example
 * if (getUniqueViolation(error) === UNIQUE_CONSTRAINTS.oneActiveAssociationPerCustomer) {
 *   // the other accept won the race (R68)
 * }
 */
export const UNIQUE_CONSTRAINTS = {
  /** At most one ACTIVE association per customer account (R68, §3.7). */
  oneActiveAssociationPerCustomer: 'associations_one_active_per_customer_uq',
  /** At most one live (QUEUED, SENT, SEND_FAILED) invitation per pre-registration (R44). */
  oneLiveInvitationPerPreregistration: 'invitations_one_live_per_preregistration_uq',
  /** A canonical email is held by at most one holding pre-registration (R28). */
  holdingPreregistrationEmail: 'pre_registrations_holding_email_uq',
  /** A mobile number is held by at most one holding pre-registration (R28). */
  holdingPreregistrationMobile: 'pre_registrations_holding_mobile_uq',
  /** A customer account is held by at most one holding pre-registration (R28). */
  holdingPreregistrationAccount: 'pre_registrations_holding_account_uq',
  /** One idempotency record per (partner, user, key) (R43). */
  idempotencyKey: 'idempotency_keys_pk',
  /** Token hashes of invitation links are unique (§3.5). */
  invitationTokenHash: 'invitation_tokens_token_hash_uq',
  /** Access token hashes are unique (R79). */
  accessTokenHash: 'access_tokens_token_hash_uq',
  /** One outbox message per purpose (§3.8). */
  outboxDedupeKey: 'outbox_dedupe_key_uq',
  /** Canonical emails of users are unique across all partners (§3.2). */
  userEmail: 'users_email_canonical_uq',
  /** Canonical emails of customer accounts are unique (R14). */
  customerAccountEmail: 'customer_accounts_email_canonical_uq',
  /** Mobile numbers of customer accounts are unique when present (§3.3). */
  customerAccountMobile: 'customer_accounts_mobile_e164_uq',
  /** One counter per rate-limit bucket and window (R59). */
  rateLimitCounter: 'rate_limit_counters_pk',
  /** Invitation link code hashes are unique (R99). */
  invitationLinkCodeHash: 'invitation_links_code_hash_uq',
  /** A tag key is used by at most one link of a partner that is not RESET (R94). */
  invitationLinkTagKey: 'invitation_links_partner_tag_key_uq',
  /** At most one ACTIVE general link per user (R91). */
  oneActiveGeneralLinkPerUser: 'invitation_links_one_active_general_per_user_uq',
  /** API key hashes are unique: the only lookup of a key (R140). */
  apiKeyHash: 'api_keys_key_hash_uq',
  /** One delivery per event and endpoint, so a repeated fan-out adds nothing (R127). */
  webhookDeliveryEventEndpoint: 'webhook_deliveries_event_endpoint_uq',
} as const

/** One of the names in {@link UNIQUE_CONSTRAINTS}. */
export type UniqueConstraintName = (typeof UNIQUE_CONSTRAINTS)[keyof typeof UNIQUE_CONSTRAINTS]

import type { ActionKey } from './failure-actions'
import type { FailureCode } from './failure-codes'

/**
 * Which operation raises a code (domain.md §6.2 "By"): P pre-register, V review, D delete,
 * I invite/resend, L open a link, A register/accept, S sign-in, G any endpoint, X dispatcher,
 * M a data step at migration (History Records and the list only), O manage an offline link,
 * C the email code step, N a link association recorded on an email invitation (History only),
 * K manage an API key, W manage a webhook endpoint (issue 21).
 *
 * @example
 * const by: RaisedBy = 'I'
 */
export type RaisedBy =
  'P' | 'V' | 'D' | 'I' | 'L' | 'A' | 'S' | 'G' | 'X' | 'M' | 'O' | 'C' | 'N' | 'K' | 'W'

/**
 * HTTP status, raising operations and action keys of one code. `httpStatus` is null only for
 * `DELIVERY_FAILED`, `IDENTITY_MERGED` and `LINK_ASSOCIATED`, which are never HTTP answers; a null action is "—" in the catalogue.
 *
 * @example
 * const meta: FailureMeta = { httpStatus: 404, raisedBy: ['G'], partnerAction: 'RELOAD', customerAction: null }
 */
export interface FailureMeta {
  httpStatus: number | null
  raisedBy: readonly RaisedBy[]
  partnerAction: ActionKey | null
  customerAction: ActionKey | null
}

// Compact rows keep the table reviewable line by line against §6.2.
function meta(
  httpStatus: number | null,
  raisedBy: string,
  partnerAction: ActionKey | null,
  customerAction: ActionKey | null
): FailureMeta {
  return { httpStatus, raisedBy: [...raisedBy] as RaisedBy[], partnerAction, customerAction }
}

/**
 * Status and actions of every code, exactly as in §6.2.
 *
 * @example
 * FAILURE_META.QUOTA_EXCEEDED.httpStatus // 409
 */
export const FAILURE_META: Readonly<Record<FailureCode, FailureMeta>> = {
  LINK_NOT_FOUND: meta(404, 'LCA', 'RESEND', 'ASK_PARTNER_NEW'),
  LINK_EXPIRED: meta(410, 'LA', 'RESEND', 'ASK_PARTNER_NEW'),
  LINK_ALREADY_USED: meta(409, 'LA', 'NONE', 'ALREADY_DONE'),
  LINK_SUPERSEDED: meta(410, 'LA', 'NONE', 'USE_LATEST_EMAIL'),
  LINK_REVOKED: meta(410, 'LA', 'PREREGISTER_AGAIN', 'CONTACT_PARTNER'),
  CUSTOMER_DEVELOPMENT_NOT_ENABLED: meta(403, 'GA', 'CONTACT_EM', 'CONTACT_PARTNER'),
  REFERRAL_NOT_ENABLED: meta(403, 'IAO', 'USE_RESELLER_OR_EM', 'CONTACT_PARTNER'),
  PREPAID_PARTNER_RESELLER: meta(403, 'IAO', 'USE_REFERRAL', 'CONTACT_PARTNER'),
  PERMISSION_DENIED: meta(403, 'G', 'ASK_ADMIN', null),
  NOT_AUTHENTICATED: meta(401, 'G', 'SIGN_IN', 'SIGN_IN'),
  INVALID_CREDENTIALS: meta(401, 'S', 'CHECK_CREDENTIALS', 'CHECK_CREDENTIALS'),
  NOT_FOUND: meta(404, 'G', 'RELOAD', null),
  VALIDATION_FAILED: meta(400, 'G', 'FIX_INPUT', 'FIX_INPUT'),
  PAYLOAD_TOO_LARGE: meta(413, 'G', 'SELECT_FEWER', null),
  RATE_LIMITED: meta(429, 'PLASW', 'RETRY_LATER', 'RETRY_LATER'),
  SYSTEM_BUSY: meta(503, 'G', 'RETRY_SHORTLY', 'RETRY_SHORTLY'),
  INTERNAL: meta(500, 'G', 'CONTACT_SUPPORT', 'CONTACT_SUPPORT'),
  PARTNER_CONTACT_MISSING: meta(422, 'P', 'CONTACT_EM', null),
  IDENTITY_AMBIGUOUS: meta(422, 'P', 'FIX_INPUT', null),
  QUOTA_EXCEEDED: meta(409, 'P', 'FREE_QUOTA', null),
  ALREADY_PREREGISTERED: meta(409, 'P', 'NONE', null),
  PREREGISTERED_BY_ANOTHER_PARTNER: meta(409, 'PA', 'NOT_POSSIBLE', 'CONTACT_PARTNER'),
  ALREADY_ASSOCIATED: meta(409, 'PA', 'NOT_POSSIBLE', 'END_CURRENT'),
  CUSTOMER_IS_PARTNER: meta(422, 'PA', 'NOT_POSSIBLE', 'CONTACT_SUPPORT'),
  SPECIAL_CONTRACT: meta(422, 'PA', 'NOT_POSSIBLE', 'CONTACT_SUPPORT'),
  ACCOUNT_TOO_OLD_OR_HAS_SPEND: meta(422, 'AP', 'REVIEW_ROUTE', 'CONTACT_PARTNER'),
  UNPAID_BILLS: meta(422, 'A', 'SETTLE_THEN_RESEND', 'PAY_BILLS'),
  RESELLER_BLOCKED_PROFESSIONAL_SERVICE: meta(422, 'A', 'USE_REFERRAL', 'CONTACT_PARTNER'),
  RESELLER_BLOCKED_RESERVED_INSTANCES: meta(422, 'A', 'USE_REFERRAL', 'CONTACT_PARTNER'),
  RESELLER_BLOCKED_ENTERPRISE_MEMBER: meta(422, 'A', 'USE_REFERRAL', 'CONTACT_PARTNER'),
  RESELLER_BLOCKED_MASTER_WITH_MEMBERS: meta(422, 'A', 'USE_REFERRAL', 'CONTACT_PARTNER'),
  PREREGISTRATION_NOT_ACTIVE: meta(409, 'IV', 'PREREGISTER_AGAIN', null),
  PREREGISTRATION_NOT_DELETABLE: meta(409, 'D', 'NONE', null),
  EMAIL_REQUIRED: meta(422, 'I', 'PREREGISTER_AGAIN', null),
  RESEND_COOLDOWN: meta(429, 'I', 'RETRY_LATER', null),
  RECIPIENT_DAILY_CAP: meta(429, 'I', 'RETRY_LATER', null),
  PARTNER_DAILY_CAP: meta(429, 'I', 'RETRY_LATER', null),
  BATCH_TOO_LARGE: meta(422, 'I', 'SELECT_FEWER', null),
  IDEMPOTENCY_KEY_REUSED: meta(422, 'I', 'RELOAD', null),
  RECIPIENT_MISMATCH: meta(403, 'A', 'CONFIRM_EMAIL', 'SWITCH_ACCOUNT'),
  AGREEMENT_REQUIRED: meta(422, 'A', null, 'ACCEPT_INSTRUCTIONS'),
  ACCOUNT_EXISTS: meta(409, 'AC', null, 'USE_SIGN_IN'),
  DELIVERY_FAILED: meta(null, 'X', 'CHECK_AND_RESEND', null),
  NON_ASCII_LOCAL_PART: meta(400, 'PAS', 'FIX_INPUT', 'FIX_INPUT'),
  MIXED_SCRIPT_DOMAIN: meta(400, 'PAS', 'FIX_INPUT', 'FIX_INPUT'),
  // Never an HTTP answer: the closing reason the identity data step records (issue 13).
  IDENTITY_MERGED: meta(null, 'M', 'NONE', null),
  OFFLINE_LINK_DISABLED: meta(410, 'LCA', 'SHARE_ACTIVE_LINK', 'ASK_PARTNER_LINK'),
  OFFLINE_LINK_RESET: meta(410, 'LCA', 'SHARE_ACTIVE_LINK', 'ASK_PARTNER_LINK'),
  OFFLINE_LINK_EXPIRED: meta(410, 'LCAO', 'SHARE_ACTIVE_LINK', 'ASK_PARTNER_LINK'),
  LINK_TAG_INVALID: meta(400, 'O', 'FIX_INPUT', null),
  LINK_TAG_TAKEN: meta(409, 'O', 'FIX_INPUT', null),
  EMAIL_CODE_INVALID: meta(422, 'C', null, 'CHECK_CODE'),
  EMAIL_CODE_EXPIRED: meta(410, 'C', null, 'REQUEST_CODE'),
  EMAIL_CODE_TRIES_EXHAUSTED: meta(410, 'C', null, 'REQUEST_CODE'),
  EMAIL_CODE_LIMIT: meta(429, 'C', null, 'RETRY_LATER'),
  EMAIL_NOT_VERIFIED: meta(403, 'A', null, 'VERIFY_EMAIL'),
  // Never an HTTP answer: why an email invitation was revoked by a link association (I6c).
  LINK_ASSOCIATED: meta(null, 'N', 'NONE', null),
  API_KEY_LIMIT: meta(409, 'K', 'REVOKE_UNUSED_KEY', null),
  API_KEY_REVOKED: meta(401, 'G', 'NEW_API_KEY', null),
  API_KEY_NOT_ALLOWED: meta(403, 'G', 'SIGN_IN_AS_PERSON', null),
  WEBHOOK_URL_INVALID: meta(400, 'W', 'FIX_INPUT', null),
  WEBHOOK_URL_NOT_ALLOWED: meta(422, 'W', 'USE_PUBLIC_URL', null),
  WEBHOOK_ENDPOINT_LIMIT: meta(409, 'W', 'DELETE_UNUSED_ENDPOINT', null),
  WEBHOOK_ENDPOINT_DISABLED: meta(409, 'W', 'ENABLE_ENDPOINT', null),
}

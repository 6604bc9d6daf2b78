// The value lists and the format of API keys (domain.md §13.3.4, R139, R140).

/**
 * Roles a key may hold (§13.3.4): a partner key's role, or `ecosystem_manager` for a platform
 * key. Never `account_manager`: "own rows" belong to a person (R139).
 *
 * @example
 * API_KEY_ROLES.includes('account_manager') // false
 */
export const API_KEY_ROLES = ['admin', 'sales', 'read_only', 'ecosystem_manager'] as const

/**
 * One role of {@link API_KEY_ROLES}.
 *
 * @example
 * const role: ApiKeyRole = 'read_only'
 */
export type ApiKeyRole = (typeof API_KEY_ROLES)[number]

/**
 * The roles a partner admin may give a partner key (R139).
 *
 * @example
 * PARTNER_API_KEY_ROLES // ['admin', 'sales', 'read_only']
 */
export const PARTNER_API_KEY_ROLES = ['admin', 'sales', 'read_only'] as const

/**
 * One role of {@link PARTNER_API_KEY_ROLES}.
 *
 * @example
 * const role: PartnerApiKeyRole = 'sales'
 */
export type PartnerApiKeyRole = (typeof PARTNER_API_KEY_ROLES)[number]

/**
 * States of a key (§13.4.3): K1 creates it `ACTIVE`, K2 makes it `REVOKED` for good.
 *
 * @example
 * API_KEY_STATUSES // ['ACTIVE', 'REVOKED']
 */
export const API_KEY_STATUSES = ['ACTIVE', 'REVOKED'] as const

/**
 * One state of {@link API_KEY_STATUSES}.
 *
 * @example
 * const status: ApiKeyStatus = 'REVOKED'
 */
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number]

/** What every key begins with (R139). */
export const API_KEY_PREFIX = 'pck_'

/** Characters of a whole key: `pck_` and 43 base64url characters of 32 bytes (R139). */
export const API_KEY_LENGTH = 47

/** Characters of `keyPrefix`, the part of a key shown to recognise it (§13.3.4). */
export const API_KEY_PREFIX_LENGTH = 12

const KEY_SHAPE = /^pck_[A-Za-z0-9_-]{43}$/

/**
 * Whether a bearer token has the shape of an API key, so it is looked up only as a key (R140).
 *
 * @example
 * isApiKeyFormat('pck_' + 'a'.repeat(43)) // true
 * isApiKeyFormat('an access token') // false
 */
export function isApiKeyFormat(token: string): boolean {
  return token.length === API_KEY_LENGTH && KEY_SHAPE.test(token)
}

/**
 * Whether a bearer token is to be looked up as an API key and only as one (R140): 47 characters
 * beginning `pck_`. Access tokens are 43 characters, so they never claim to be a key.
 *
 * @example
 * claimsApiKey('pck_' + 'a'.repeat(43)) // true
 * claimsApiKey('pck_short') // false: looked up as an access token, and found by none
 */
export function claimsApiKey(token: string): boolean {
  return token.length === API_KEY_LENGTH && token.startsWith(API_KEY_PREFIX)
}

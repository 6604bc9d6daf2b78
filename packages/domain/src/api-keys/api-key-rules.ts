import { DEFAULT_LIMITS, type Limits } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import { hasControlCharacter } from '../identity/control-characters'
import { permissionsForRole, type PermissionKey } from '../permissions/permissions'
import { PARTNER_API_KEY_ROLES, type ApiKeyRole, type PartnerApiKeyRole } from './api-key-values'

// The decisions of API keys (domain.md R139–R143), pure: the counts and times come in.

/**
 * A partner key's creation request after the schema (R139).
 *
 * @example
 * const request: ApiKeyRequest = { name: 'CRM sync', role: 'read_only' }
 */
export interface ApiKeyRequest {
  name: string
  role: string
}

/**
 * A key ready to insert: the trimmed name and the role.
 *
 * @example
 * const plan: ApiKeyPlan = { name: 'CRM sync', role: 'read_only' }
 */
export interface ApiKeyPlan {
  name: string
  role: ApiKeyRole
}

/**
 * Decides a partner key's creation in R139's order after R3: `VALIDATION_FAILED` (a name of 1 to
 * `API_KEY_NAME_MAX` code points after trimming without control characters; `account_manager`
 * or another role with reason `ROLE_NOT_ALLOWED_FOR_KEY`), then `API_KEY_LIMIT` when the partner
 * already has `API_KEYS_MAX` `ACTIVE` keys (counted by the caller under its transaction lock).
 * `allowedRoles` is the partner roles by default; a platform key passes `['ecosystem_manager']`.
 *
 * @example
 * decideApiKeyCreation({ request: { name: ' CRM ', role: 'sales' }, activeKeys: 0 }) // ok({ name: 'CRM', role: 'sales' })
 * decideApiKeyCreation({ request: { name: 'CRM', role: 'account_manager' }, activeKeys: 0 }).ok // false
 * decideApiKeyCreation({ request: { name: 'CRM', role: 'sales' }, activeKeys: 10 }) // err API_KEY_LIMIT
 */
export function decideApiKeyCreation(input: {
  request: ApiKeyRequest
  activeKeys: number
  allowedRoles?: readonly ApiKeyRole[]
  limits?: Limits
}): Result<ApiKeyPlan, DomainError> {
  const limits = input.limits ?? DEFAULT_LIMITS
  const name = input.request.name.trim()
  const length = Array.from(name).length
  if (length < 1) return validationFailed([{ path: 'name', reason: 'REQUIRED' }])
  if (length > limits.API_KEY_NAME_MAX)
    return validationFailed([{ path: 'name', reason: 'TOO_LONG' }])
  if (hasControlCharacter(name)) {
    return validationFailed([{ path: 'name', reason: 'CONTROL_CHARACTER' }])
  }
  const allowedRoles = input.allowedRoles ?? PARTNER_API_KEY_ROLES
  const role = allowedRoles.find((allowed) => allowed === input.request.role)
  if (role === undefined) {
    return validationFailed([{ path: 'role', reason: 'ROLE_NOT_ALLOWED_FOR_KEY' }])
  }
  if (input.activeKeys >= limits.API_KEYS_MAX) {
    return fail('API_KEY_LIMIT', { max: limits.API_KEYS_MAX })
  }
  return ok({ name, role })
}

/**
 * A route as a key sees it: its method and the route table's `apiKey` flag (R141).
 *
 * @example
 * const route: KeyRoute = { method: 'GET', apiKey: true }
 */
export interface KeyRoute {
  method: string
  apiKey: boolean
}

/**
 * Whether an API key may call a route (R141): only a route the table marks `apiKey: true`, and
 * only a `GET` one whatever the table says (a key never writes). Else `API_KEY_NOT_ALLOWED`.
 *
 * @example
 * keyMayCall({ method: 'GET', apiKey: true }) // ok(undefined)
 * keyMayCall({ method: 'POST', apiKey: false }) // err API_KEY_NOT_ALLOWED
 */
export function keyMayCall(route: KeyRoute): Result<undefined, DomainError> {
  return route.apiKey && route.method === 'GET' ? ok(undefined) : fail('API_KEY_NOT_ALLOWED')
}

/**
 * The latest `lastUsedAt` that is written again by a request at `now` (R140): a key whose
 * `lastUsedAt` is null or at most this instant gets `lastUsedAt = now`, so at most one write per
 * key per `API_KEY_LAST_USED_WRITE_SECONDS` at any request rate.
 *
 * @example
 * lastUsedWriteBefore(new Date('2026-01-01T00:01:00Z')) // 2026-01-01T00:00:00.000Z
 */
export function lastUsedWriteBefore(now: Date, limits: Limits = DEFAULT_LIMITS): Date {
  return new Date(now.getTime() - limits.API_KEY_LAST_USED_WRITE_SECONDS * 1000)
}

/**
 * Whether a request at `now` writes the key's `lastUsedAt` (R140).
 *
 * @example
 * lastUsedWriteDue(null, new Date()) // true
 */
export function lastUsedWriteDue(
  lastUsedAt: Date | null,
  now: Date,
  limits: Limits = DEFAULT_LIMITS
): boolean {
  return lastUsedAt === null || lastUsedAt <= lastUsedWriteBefore(now, limits)
}

/**
 * The permission keys a partner key holds (R141): those of its role that the read-only role has
 * too, so a key reads and reveals as its role does and never writes or manages keys.
 *
 * @example
 * apiKeyPermissions('admin') // ['custdev.view', 'custdev.history.view', 'custdev.reveal']
 */
export function apiKeyPermissions(role: PartnerApiKeyRole): PermissionKey[] {
  const reads = new Set(permissionsForRole('read_only'))
  return permissionsForRole(role).filter((permission) => reads.has(permission))
}

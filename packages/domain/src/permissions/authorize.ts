import type { PartnerSnapshot } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import type { Actor, PermissionKey } from './permissions'
import { can } from './permissions'

/**
 * The partner-endpoint checks of R3 that follow authentication, in order:
 * `CUSTOMER_DEVELOPMENT_NOT_ENABLED` (R10), then `PERMISSION_DENIED` (§2.3, R9: the ecosystem
 * manager gets it on every partner endpoint).
 *
 * @example
 * authorize({ actor, partner, permission: 'custdev.invite' }) // ok(undefined) or a failure
 */
export function authorize(options: {
  actor: Actor
  partner: Pick<PartnerSnapshot, 'id' | 'customerDevelopmentEnabled'> | null
  permission: PermissionKey
}): Result<undefined, DomainError> {
  const { actor, partner, permission } = options
  if (actor.partnerId === null || partner === null) return fail('PERMISSION_DENIED')
  if (!partner.customerDevelopmentEnabled) return fail('CUSTOMER_DEVELOPMENT_NOT_ENABLED')
  if (partner.id !== actor.partnerId || !can(actor, permission)) return fail('PERMISSION_DENIED')
  return ok(undefined)
}

import type { PartnerSnapshot } from '../core/entities'
import type { DomainError, Result } from '../core/result'
import { fail, ok } from '../core/result'
import type { Actor, PermissionKey } from './permissions'
import { can } from './permissions'

/**
 * The partner-endpoint checks of R3 that follow authentication, in order:
 * `CUSTOMER_DEVELOPMENT_NOT_ENABLED` (R10), then `PERMISSION_DENIED` (§2.3, R9: the ecosystem
 * manager gets it on every partner endpoint). Answers the partner, known to be the actor's.
 *
 * @example
 * authorize({ actor, partner, permission: 'custdev.invite' }) // ok(partner) or a failure
 */
export function authorize<
  P extends Pick<PartnerSnapshot, 'id' | 'customerDevelopmentEnabled'>,
>(options: { actor: Actor; partner: P | null; permission: PermissionKey }): Result<P, DomainError> {
  const { actor, partner, permission } = options
  if (actor.partnerId === null || partner === null) return fail('PERMISSION_DENIED')
  if (!partner.customerDevelopmentEnabled) return fail('CUSTOMER_DEVELOPMENT_NOT_ENABLED')
  if (partner.id !== actor.partnerId || !can(actor, permission)) return fail('PERMISSION_DENIED')
  return ok(partner)
}

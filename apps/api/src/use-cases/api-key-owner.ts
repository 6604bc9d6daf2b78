import type { PartnerScope } from '../deps'

/**
 * Whose keys a request manages and who manages them (R121): a partner's keys by one of its
 * admins, or the platform's (`partnerId` null) by the ecosystem manager.
 *
 * @example
 * const owner: ApiKeyOwner = { partnerId: null, userId: 'm1', displayName: 'Mei', actorType: 'ecosystem_manager' }
 */
export interface ApiKeyOwner {
  partnerId: string | null
  userId: string
  displayName: string
  actorType: 'partner_user' | 'ecosystem_manager'
}

/**
 * The owner of a partner route's keys: the guard's partner and its signed-in admin.
 *
 * @example
 * partnerKeyOwner(c.get('partnerScope')).partnerId // the admin's partner
 */
export function partnerKeyOwner(scope: PartnerScope): ApiKeyOwner {
  return {
    partnerId: scope.partner.id,
    userId: scope.userId,
    displayName: scope.displayName,
    actorType: 'partner_user',
  }
}

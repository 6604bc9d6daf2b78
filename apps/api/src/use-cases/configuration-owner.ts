import type { Context } from 'hono'
import type { AppEnv, PartnerScope } from '../deps'
import { requireUser } from '../middleware/guards'

/**
 * Whose configuration (webhook endpoints, API keys) a request manages and who manages it (R121):
 * a partner's by one of its admins, or the platform's (`partnerId` null) by the ecosystem
 * manager, both signed in as a person (an API key never reaches these routes, R141).
 *
 * @example
 * const owner: ConfigurationOwner = { partnerId: null, userId: 'm1', displayName: 'Mei', actorType: 'ecosystem_manager' }
 */
export interface ConfigurationOwner {
  partnerId: string | null
  userId: string
  displayName: string
  actorType: 'partner_user' | 'ecosystem_manager'
}

/**
 * The owner of a partner route's configuration: the guard's partner and its signed-in admin.
 *
 * @example
 * partnerConfigurationOwner(c.get('partnerScope')).partnerId // the admin's partner
 */
export function partnerConfigurationOwner(scope: PartnerScope): ConfigurationOwner {
  return {
    partnerId: scope.partner.id,
    userId: scope.userId,
    displayName: scope.displayName,
    actorType: 'partner_user',
  }
}

/**
 * The owner of an admin route's configuration: the platform, managed by the signed-in ecosystem
 * manager (the admin guard ran before).
 *
 * @example
 * platformConfigurationOwner(c).partnerId // null
 */
export function platformConfigurationOwner(c: Context<AppEnv>): ConfigurationOwner {
  const manager = requireUser(c)
  return {
    partnerId: null,
    userId: manager.userId,
    displayName: manager.displayName,
    actorType: 'ecosystem_manager',
  }
}

import type { Context } from 'hono'
import type { AppEnv, PartnerScope } from '../deps'
import { requireUser } from '../middleware/guards'

/**
 * Whose endpoints a request manages and who manages them (R121): a partner's endpoints by one of
 * its admins, or the platform's (`partnerId` null) by the ecosystem manager, both signed in as a
 * person (an API key never reaches these routes, R141).
 *
 * @example
 * const owner: WebhookOwner = { partnerId: null, userId: 'm1', displayName: 'Mei', actorType: 'ecosystem_manager' }
 */
export interface WebhookOwner {
  partnerId: string | null
  userId: string
  displayName: string
  actorType: 'partner_user' | 'ecosystem_manager'
}

/**
 * The owner of a partner route's endpoints: the guard's partner and its signed-in admin.
 *
 * @example
 * partnerWebhookOwner(c.get('partnerScope')).partnerId // the admin's partner
 */
export function partnerWebhookOwner(scope: PartnerScope): WebhookOwner {
  return {
    partnerId: scope.partner.id,
    userId: scope.userId,
    displayName: scope.displayName,
    actorType: 'partner_user',
  }
}

/**
 * The owner of an admin route's endpoints: the platform, managed by the signed-in ecosystem
 * manager (the admin guard ran before).
 *
 * @example
 * platformWebhookOwner(c).partnerId // null
 */
export function platformWebhookOwner(c: Context<AppEnv>): WebhookOwner {
  const manager = requireUser(c)
  return {
    partnerId: null,
    userId: manager.userId,
    displayName: manager.displayName,
    actorType: 'ecosystem_manager',
  }
}

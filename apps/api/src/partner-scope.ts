import type { Actor } from '@partner-center/domain'
import type { PartnerScope } from './deps'

/** The domain actor of a partner scope, for `can()` and the rules' own-row checks. */
export function actorOf(scope: PartnerScope): Actor {
  return { role: scope.role, userId: scope.userId, partnerId: scope.partner.id }
}

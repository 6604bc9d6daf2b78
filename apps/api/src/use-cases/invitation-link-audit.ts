import type { InvitationLinkRow } from '@partner-center/db/schema'
import type { AuditAction } from '@partner-center/domain'
import type { PartnerScope } from '../deps'
import type { AuditEntry } from '../persistence/audit'

/**
 * The audit entry of a link event by a partner user (R120). Details name the link's kind, tag,
 * type and expiry, never its code or URL (R99).
 */
export function linkAuditEntry(
  scope: PartnerScope,
  action: AuditAction,
  link: InvitationLinkRow,
  details: Record<string, unknown> = {}
): AuditEntry {
  return {
    action,
    actorType: 'partner_user',
    actorId: scope.userId,
    partnerId: scope.partner.id,
    entityType: 'invitation_link',
    entityId: link.id,
    details: {
      kind: link.kind,
      tag: link.tag,
      associationType: link.associationType,
      expiresAt: link.expiresAt?.toISOString() ?? null,
      ...details,
    },
  }
}

import { invitations, preRegistrations } from '@partner-center/db/schema'
import { can, isUuid } from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { AppError } from '../errors'
import { actorOf } from '../partner-scope'
import { queueBatchOnce } from '../steps/queue-invitation-batch'

/** Options of {@link resendInvitation}. */
export interface ResendInvitationOptions extends RequestMeta {
  scope: PartnerScope
  invitationId: string
  idempotencyKey?: string
}

/**
 * `POST …/invitations/{id}/resend` (R45): a batch of one (`kind = RESEND`) for the invitation's
 * pre-registration with the same association type and the same checks and answer as an invite.
 * `{id}` may be any invitation of the row; invisible or malformed ids are `NOT_FOUND` (R2).
 */
export async function resendInvitation(deps: AppDeps, options: ResendInvitationOptions) {
  if (!isUuid(options.invitationId)) throw AppError.of('NOT_FOUND')
  const [found] = await deps.db
    .select({ invitation: invitations, preregistration: preRegistrations })
    .from(invitations)
    .innerJoin(preRegistrations, eq(preRegistrations.id, invitations.preregistrationId))
    .where(
      and(
        eq(invitations.id, options.invitationId),
        eq(invitations.partnerId, options.scope.partner.id)
      )
    )
  if (!found || !can(actorOf(options.scope), 'custdev.invite', found.preregistration)) {
    throw AppError.of('NOT_FOUND')
  }
  const { invitation } = found
  return queueBatchOnce(deps, {
    scope: options.scope,
    idempotencyKey: options.idempotencyKey,
    canonicalRequest: {
      method: 'POST',
      path: `/api/v1/customer-development/invitations/${invitation.id}/resend`,
      body: {},
    },
    preregistrationIds: [found.preregistration.id],
    associationType: invitation.associationType,
    kind: 'RESEND',
    requestId: options.requestId,
  })
}

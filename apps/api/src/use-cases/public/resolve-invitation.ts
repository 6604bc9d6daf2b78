import { resolveLinkAnswer } from '@partner-center/domain'
import type { AppDeps } from '../../deps'
import { findInvitationByToken, linkError } from '../../persistence/invitation-by-token'

/**
 * `POST /api/v1/public/invitations/resolve`: what a link shows, read-only (R57, R58). Opening a
 * link changes nothing, so mail scanners cannot burn it.
 */
export async function resolveInvitation(deps: AppDeps, options: { token: string }) {
  const opened = await findInvitationByToken(deps.db, { token: options.token })
  const answer = resolveLinkAnswer(opened?.invitation ?? null, deps.clock.now())
  if (!opened || !answer.ok)
    throw linkError(answer.ok ? 'LINK_NOT_FOUND' : answer.error.code, opened)
  const { invitation, partner } = opened
  return {
    partnerName: partner.name,
    partnerContactEmail: partner.contactEmail,
    associationType: invitation.associationType,
    invitedEmail: invitation.recipientEmail,
    expiresAt: answer.value.expiresAt.toISOString(),
    locale: invitation.locale,
    platformName: deps.config.platformName,
  }
}

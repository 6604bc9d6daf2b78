import type { Database } from '@partner-center/db/portable'
import {
  asEmailInvitation,
  invitations,
  invitationTokens,
  partners,
  preRegistrations,
} from '@partner-center/db/schema'
import { isFailureCode } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import { AppError, toAppError } from '../errors'
import { hashToken } from '../security/tokens'

/** Options of {@link findInvitationByToken}. */
export interface FindInvitationByTokenOptions {
  token: string
  /**
   * Lock the invitation row until the transaction ends (acceptance serialises on it, R68), and
   * before it the invitation's pre-registration row.
   */
  forUpdate?: boolean
}

/**
 * The invitation a link token opens, with its partner, or null for an unknown token. Every token
 * ever issued for an invitation opens it (domain.md §3.5); only the hash is looked up.
 */
export async function findInvitationByToken(db: Database, options: FindInvitationByTokenOptions) {
  const tokenHash = await hashToken(options.token)
  const query = db
    .select({ invitation: invitations, partner: partners })
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .where(eq(invitationTokens.tokenHash, tokenHash))
    .limit(1)
  let [row] = await query
  if (row && options.forUpdate) {
    // Pre-registration first, then invitation: the order invite, resend and delete lock them
    // in, so an acceptance racing a resend of the same customer cannot deadlock with it.
    await db
      .select({ id: preRegistrations.id })
      .from(preRegistrations)
      .where(eq(preRegistrations.id, asEmailInvitation(row.invitation).preregistrationId))
      .for('update')
    ;[row] = await query.for('update', { of: invitations })
  }
  if (!row) return null
  // The column is text; the rules read catalogue codes (anything else would be corrupt data).
  const failureCode = isFailureCode(row.invitation.failureCode) ? row.invitation.failureCode : null
  // Tokens are issued for email invitations only (R51, R117).
  return { partner: row.partner, invitation: { ...asEmailInvitation(row.invitation), failureCode } }
}

/** The invitation and partner a token opens, or the one error every public endpoint answers. */
export type OpenedInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>

/**
 * The error of a known link that is not live: the catalogue code with the partner's name, so
 * the page can say whom to ask (R58). An unknown token reveals nothing else.
 */
export function linkError(
  code: Parameters<typeof toAppError>[0]['code'],
  opened: OpenedInvitation | null
) {
  if (!opened) return AppError.of('LINK_NOT_FOUND')
  return toAppError({
    code,
    details: { partnerName: opened.partner.name, partnerContactEmail: opened.partner.contactEmail },
  })
}

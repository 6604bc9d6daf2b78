import type { Database } from '@partner-center/db/portable'
import { associations, invitations } from '@partner-center/db/schema'
import { decideLinkAcceptance, type Locale } from '@partner-center/domain'
import { and, eq } from 'drizzle-orm'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import {
  commitLinkAcceptance,
  recordLinkAssociationFailure,
} from '../../persistence/commit-link-acceptance'
import {
  findLinkByCode,
  offlineLinkError,
  type FoundLink,
} from '../../persistence/invitation-link-by-code'
import { loadLinkAcceptanceSnapshot } from '../../persistence/link-acceptance-snapshot'
import { AcceptanceRefused, runAcceptance, type AcceptanceOutcome } from './acceptance-outcome'

/** Options of {@link acceptInvitationLink} (domain.md R107–R109). */
export interface AcceptInvitationLinkOptions {
  code: string
  instructionsAccepted: boolean
  customerAccountId: string | null
  /** The request's language: the link row's and the success email's (R108). */
  locale: Locale
  requestId: string
}

/** A successful link acceptance, answered as the email one (R65, R108). */
export interface LinkAcceptanceAnswer {
  partnerName: string
  partnerContactEmail: string | null
  associationType: 'reseller' | 'referral'
  associatedAt: string
  frozenPendingBudget: boolean
}

function refusal(code: Parameters<typeof AppError.of>[0], found: FoundLink): AppError {
  return offlineLinkError(code, found)
}

/**
 * `POST /api/v1/public/invitation-links/accept`: decides in R107's order through the domain
 * (`decideLinkAcceptance`) and, in one transaction under the link's row lock (`FOR NO KEY UPDATE`) and the
 * identity-key locks, writes the link association (R108, R109). Steps 1–4 write nothing; a
 * refusal at steps 5–7 commits an `ASSOCIATION_FAILED` link row (I11) before answering.
 */
export async function acceptInvitationLink(deps: AppDeps, options: AcceptInvitationLinkOptions) {
  if (!options.customerAccountId) throw AppError.of('NOT_AUTHENTICATED')
  const byCustomer = { ...options, customerAccountId: options.customerAccountId }
  return runAcceptance(
    () => deps.db.transaction((tx) => acceptWithin(deps, tx, byCustomer)),
    // Lost a race against another acceptance of this customer (R68, R108).
    () => recordLostRace(deps, byCustomer)
  )
}

/** The acceptance's transaction: decides on what it locked and writes the outcome. */
async function acceptWithin(
  deps: AppDeps,
  tx: Database,
  options: AcceptInvitationLinkOptions & { customerAccountId: string }
): Promise<AcceptanceOutcome<LinkAcceptanceAnswer>> {
  const now = deps.clock.now()
  const found = await findLinkByCode(tx, { code: options.code, lock: 'counter' })
  if (!found) throw new AcceptanceRefused(AppError.of('LINK_NOT_FOUND'))
  const { link, partner } = found
  const snapshot = await loadLinkAcceptanceSnapshot(tx, {
    customerAccountId: options.customerAccountId,
    partnerId: link.partnerId,
  })
  if (!snapshot) throw new AcceptanceRefused(AppError.of('NOT_AUTHENTICATED'))
  const decision = decideLinkAcceptance({
    link,
    owner: found.owner,
    account: snapshot.account,
    emailVerified: snapshot.account.emailVerified,
    instructionsAccepted: options.instructionsAccepted,
    partner,
    chosen: snapshot.chosen,
    activeAssociation: snapshot.activeAssociation,
    otherPartnersHoldingRows: snapshot.otherPartnersHoldingRows,
    now,
  })
  const context = {
    link,
    account: snapshot.account,
    chosen: snapshot.chosen,
    locale: options.locale,
    requestId: options.requestId,
  }
  if (!decision.ok) {
    const { code, record } = decision.error
    if (!record) throw new AcceptanceRefused(refusal(code, found))
    await recordLinkAssociationFailure(deps, tx, { ...context, code })
    // Commit the recorded failure, then answer with its error.
    return { refused: refusal(code, found) }
  }
  await commitLinkAcceptance(deps, tx, { ...context, decision: decision.value })
  const planned = decision.value.association
  return {
    accepted: {
      partnerName: partner.name,
      partnerContactEmail: partner.contactEmail,
      associationType: planned.type,
      associatedAt: now.toISOString(),
      frozenPendingBudget: planned.frozenPendingBudget,
    },
  }
}

/**
 * The loser of two simultaneous acceptances by one customer (its transaction rolled back on the
 * unique index): `LINK_ALREADY_USED` and nothing written when the winner came through this same
 * link, else an I11 row with `ALREADY_ASSOCIATED` (R108, as R68).
 */
async function recordLostRace(
  deps: AppDeps,
  options: AcceptInvitationLinkOptions & { customerAccountId: string }
): Promise<never> {
  const refused = await deps.db.transaction(async (tx) => {
    const found = await findLinkByCode(tx, { code: options.code, lock: 'counter' })
    if (!found) return AppError.of('LINK_NOT_FOUND')
    const snapshot = await loadLinkAcceptanceSnapshot(tx, {
      customerAccountId: options.customerAccountId,
      partnerId: found.link.partnerId,
    })
    if (!snapshot) return AppError.of('NOT_AUTHENTICATED')
    const [sameLink] = await tx
      .select({ id: associations.id })
      .from(associations)
      .innerJoin(invitations, eq(invitations.id, associations.invitationId))
      .where(
        and(
          eq(associations.customerAccountId, options.customerAccountId),
          eq(associations.status, 'ACTIVE'),
          eq(invitations.linkId, found.link.id)
        )
      )
      .limit(1)
    if (sameLink) return refusal('LINK_ALREADY_USED', found)
    await recordLinkAssociationFailure(deps, tx, {
      link: found.link,
      account: snapshot.account,
      chosen: snapshot.chosen,
      locale: options.locale,
      requestId: options.requestId,
      code: 'ALREADY_ASSOCIATED',
    })
    return refusal('ALREADY_ASSOCIATED', found)
  })
  throw refused
}

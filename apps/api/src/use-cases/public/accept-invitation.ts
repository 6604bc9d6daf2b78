import type { Database } from '@partner-center/db/portable'
import { decideAcceptance, type FailureCode } from '@partner-center/domain'
import type { AppDeps } from '../../deps'
import { AppError } from '../../errors'
import {
  recordAcceptanceRefusal,
  recordAssociationFailure,
} from '../../persistence/acceptance-refusals'
import { loadAcceptanceSnapshot } from '../../persistence/acceptance-snapshot'
import { commitAcceptance } from '../../persistence/commit-acceptance'
import {
  findInvitationByToken,
  linkError,
  type OpenedInvitation,
} from '../../persistence/invitation-by-token'
import { AcceptanceRefused, runAcceptance, type AcceptanceOutcome } from './acceptance-outcome'

/** Options of {@link acceptInvitation} (domain.md R62–R69). */
export interface AcceptInvitationOptions {
  token: string
  instructionsAccepted: boolean
  customerAccountId: string | null
  requestId: string
}

function refusal(code: FailureCode, opened: OpenedInvitation): AppError {
  return linkError(code, opened)
}

/**
 * `POST /api/v1/public/invitations/accept`: re-checks eligibility now (R64) and, in one
 * transaction, accepts the invitation, creates the active association, converts the
 * pre-registration, freezes a reseller's account and queues the success email (R65). The
 * invitation row lock serialises accepts of one link; the partial unique index on active
 * associations settles one customer accepting two partners at once (R68).
 */
export async function acceptInvitation(deps: AppDeps, options: AcceptInvitationOptions) {
  if (!options.customerAccountId) throw AppError.of('NOT_AUTHENTICATED')
  const byCustomer = { ...options, customerAccountId: options.customerAccountId }
  return runAcceptance(
    () => deps.db.transaction((tx) => acceptWithin(deps, tx, byCustomer)),
    // Lost the race against another partner's acceptance: record it and say so (R68).
    () => recordLostRace(deps, byCustomer)
  )
}

/** The acceptance's transaction: decides on what it locked and writes the outcome. */
async function acceptWithin(
  deps: AppDeps,
  tx: Database,
  options: AcceptInvitationOptions & { customerAccountId: string }
): Promise<AcceptanceOutcome<Awaited<ReturnType<typeof commitAcceptance>>>> {
  const now = deps.clock.now()
  const opened = await findInvitationByToken(tx, { token: options.token, forUpdate: true })
  if (!opened) throw new AcceptanceRefused(AppError.of('LINK_NOT_FOUND'))
  const snapshot = await loadAcceptanceSnapshot(tx, {
    invitation: opened.invitation,
    customerAccountId: options.customerAccountId,
  })
  if (!snapshot) throw new AcceptanceRefused(AppError.of('NOT_AUTHENTICATED'))
  const decision = decideAcceptance({
    invitation: opened.invitation,
    account: snapshot.account,
    instructionsAccepted: options.instructionsAccepted,
    partner: opened.partner,
    preregistration: snapshot.preregistration,
    activeAssociation: snapshot.activeAssociation,
    otherPartnersHoldingRows: snapshot.otherPartnersHoldingRows,
    now,
  })
  if (!decision.ok) {
    const { code, record } = decision.error
    if (record) {
      await recordAssociationFailure(deps, tx, {
        opened,
        code,
        customerAccountId: options.customerAccountId,
        requestId: options.requestId,
      })
      // Commit the recorded failure, then answer with its error.
      return { refused: refusal(code, opened) }
    }
    if (code === 'RECIPIENT_MISMATCH') {
      await recordAcceptanceRefusal(tx, {
        opened,
        code,
        customerAccountId: options.customerAccountId,
        now,
        requestId: options.requestId,
      })
      return { refused: refusal(code, opened) }
    }
    throw new AcceptanceRefused(refusal(code, opened))
  }
  return {
    accepted: await commitAcceptance(deps, tx, {
      opened,
      decision: decision.value,
      requestId: options.requestId,
    }),
  }
}

/**
 * The loser of two simultaneous acceptances by one customer: its transaction rolled back on the
 * unique index, so record ALREADY_ASSOCIATED on its invitation in a new one (R68).
 */
async function recordLostRace(
  deps: AppDeps,
  options: AcceptInvitationOptions & { customerAccountId: string }
): Promise<never> {
  const refused = await deps.db.transaction(async (tx) => {
    const opened = await findInvitationByToken(tx, { token: options.token, forUpdate: true })
    if (!opened) return AppError.of('LINK_NOT_FOUND')
    await recordAssociationFailure(deps, tx, {
      opened,
      code: 'ALREADY_ASSOCIATED',
      customerAccountId: options.customerAccountId,
      requestId: options.requestId,
    })
    return refusal('ALREADY_ASSOCIATED', opened)
  })
  throw refused
}

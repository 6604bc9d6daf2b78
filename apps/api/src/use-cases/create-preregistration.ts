import type { PreRegistrationRow } from '@partner-center/db/schema'
import {
  decidePreregistration,
  maskEmail,
  maskMobile,
  maskName,
  validatePreregistrationInput,
  type DomainError,
} from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { fieldValidationError, toAppError } from '../errors'
import { actorOf } from '../partner-scope'
import {
  holdsOwnPreregistration,
  loadPreregistrationSnapshot,
} from '../persistence/preregistration-snapshot'
import {
  insertPreregistration,
  isHoldingViolation,
  recordPreregistrationRefusal,
  type PreregistrationWriteContext,
} from '../persistence/preregistration-writes'
import { toPreregistrationItem } from '../presenters/preregistration-item'

/** Options of {@link createPreregistration}. */
export interface CreatePreregistrationOptions extends RequestMeta {
  scope: PartnerScope
  customerName: string
  email?: string | null
  mobile?: string | null
  locale?: 'en' | 'zh-CN'
  /** The partner's own identifier (R122). */
  externalRef?: string | null
}

type Outcome = { row: PreRegistrationRow } | { error: DomainError }

/**
 * `POST …/preregistrations`: pre-registers a customer (R19–R28, P1–P3). In one transaction it
 * loads the snapshot under the quota and key locks of R28, lets the domain decide, and writes the
 * row or, for a refusal, only `preregistration.refused` with the masked identity (R27). The partial
 * unique indexes remain the guarantee; their violations map to the same codes.
 */
export async function createPreregistration(deps: AppDeps, options: CreatePreregistrationOptions) {
  const input = validatePreregistrationInput(options, { normalizeMobile })
  if (!input.ok) throw fieldValidationError(input.error)
  const { scope } = options
  const { emailCanonical, mobileE164 } = input.value
  const context: PreregistrationWriteContext = {
    scope,
    now: deps.clock.now(),
    requestId: options.requestId,
    masked: {
      customerName: maskName(input.value.customerName),
      email: maskEmail(input.value.email),
      mobile: maskMobile(mobileE164),
    },
  }
  let outcome: Outcome
  try {
    outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
      const snapshot = await loadPreregistrationSnapshot(tx, {
        partnerId: scope.partner.id,
        emailCanonical,
        mobileE164,
        now: context.now,
        requestId: options.requestId,
      })
      const decision = decidePreregistration({
        input: input.value,
        partner: scope.partner,
        ...snapshot,
        actor: actorOf(scope),
        now: context.now,
      })
      if (!decision.ok) {
        await recordPreregistrationRefusal(tx, context, decision.error)
        return { error: decision.error }
      }
      return { row: await insertPreregistration(tx, context, decision.value) }
    })
  } catch (error) {
    if (!isHoldingViolation(error)) throw error
    // The constraint caught a race the locks should have prevented: same answer, same audit.
    const own = await holdsOwnPreregistration(deps.db, {
      partnerId: scope.partner.id,
      emailCanonical,
      mobileE164,
    })
    outcome = {
      error: { code: own ? 'ALREADY_PREREGISTERED' : 'PREREGISTERED_BY_ANOTHER_PARTNER' },
    }
    await recordPreregistrationRefusal(deps.db, context, outcome.error)
  }
  if ('error' in outcome) throw toAppError(outcome.error)
  return toPreregistrationItem({
    row: outcome.row,
    creatorName: scope.displayName,
    // A new row is never associated yet.
    accountName: null,
    latestInvitation: null,
    reveal: new Set(),
    now: context.now,
  })
}

import type {
  CustomerAccountSnapshot,
  PartnerSnapshot,
  PreregistrationSnapshot,
} from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { Result } from '../core/result'
import { err, ok } from '../core/result'
import type { InvitationLinkKind } from '../core/statuses'
import type { InvitationChannel } from '../core/value-lists'
import type { FailureCode } from '../failures/failure-codes'
import { accountKeys } from '../identity/identity'
import { checkAssociationType } from '../invitation/association-types'
import { eligibilityRefusal } from '../association/eligibility'
import { planAssociation, type AssociationPlan } from '../association/plan-association'
import { offlineLinkAnswer, type InvitationLinkSnapshot, type LinkOwnerState } from './link-answer'

/**
 * A refused link acceptance (R107). `record` is true for steps 5–7: the caller inserts an
 * `ASSOCIATION_FAILED` link row (I11). Steps 1–4 and `LINK_ALREADY_USED` write nothing.
 *
 * @example
 * const refusal: LinkAcceptanceRefusal = { code: 'EMAIL_NOT_VERIFIED', record: false }
 */
export interface LinkAcceptanceRefusal {
  code: FailureCode
  record: boolean
}

/**
 * An accepted link acceptance (R108): the `ACTIVE` association to insert (the caller adds the
 * ids of the link row and of the pre-registration R109 converts or creates) and whether the
 * account is frozen pending a budget (reseller, R66).
 *
 * @example
 * const decision: LinkAcceptanceDecision = { association: { …, origin: 'LINK_INVITATION' }, accountFreeze: null }
 */
export type LinkAcceptanceDecision = AssociationPlan<'LINK_INVITATION'>

/**
 * What {@link decideLinkAcceptance} reads, loaded inside the acceptance transaction (R64).
 *
 * @example
 * const input: DecideLinkAcceptanceOptions = { link, owner, account, emailVerified: true, instructionsAccepted: true, partner, chosen: null, activeAssociation: null, otherPartnersHoldingRows: [], now }
 */
export interface DecideLinkAcceptanceOptions {
  link: InvitationLinkSnapshot & { id: string }
  /** The owner of a `GENERAL` link (its effective status follows them). */
  owner?: LinkOwnerState | null
  /** The signed-in customer's account, or null when nobody is signed in. */
  account: CustomerAccountSnapshot | null
  emailVerified: boolean
  instructionsAccepted: boolean
  partner: Pick<
    PartnerSnapshot,
    'id' | 'customerDevelopmentEnabled' | 'referralModelEnabled' | 'isPrepaid'
  >
  /** The row R109 converts (`pickPreregistrationToConvert`): it may waive the age/spend check. */
  chosen: Pick<PreregistrationSnapshot, 'customerAccountId' | 'ageSpendWaived'> | null
  /** The account's `ACTIVE` association with any partner, and the link it came through. */
  activeAssociation: { partnerId: string; linkId: string | null } | null
  /** Holding candidates of other partners; effective status and partner are re-checked here. */
  otherPartnersHoldingRows: readonly PreregistrationSnapshot[]
  now: Date
  limits?: Limits
}

/**
 * The invitation channel of the rows a link writes (§12.2.3): `general_link` or `custom_link`.
 *
 * @example
 * linkChannelOf('GENERAL') // 'general_link'
 */
export function linkChannelOf(kind: InvitationLinkKind): Exclude<InvitationChannel, 'email'> {
  return kind === 'GENERAL' ? 'general_link' : 'custom_link'
}

function refuse(code: FailureCode, record: boolean): Result<never, LinkAcceptanceRefusal> {
  return err({ code, record })
}

/**
 * Decides an acceptance through an invitation link (R107), in order: `NOT_AUTHENTICATED`; the
 * link answer (R100) when not `ACTIVE`; `EMAIL_NOT_VERIFIED`; `AGREEMENT_REQUIRED`; the partner
 * checks with the link's association type (R62 step 5); the customer checks (step 6, R63's
 * definitions) with `LINK_ALREADY_USED` instead of `ALREADY_ASSOCIATED` when the active
 * association is with this partner through this same link (nothing recorded), and the
 * age/spend waiver of the chosen row only when it names this account; the reseller-only checks
 * (step 7). There is no recipient to match. Steps 5–7 are `record: true` (I11).
 *
 * @example
 * const result = decideLinkAcceptance(options)
 * if (!result.ok && result.error.record) insertLinkRow('ASSOCIATION_FAILED', result.error.code)
 */
export function decideLinkAcceptance(
  options: DecideLinkAcceptanceOptions
): Result<LinkAcceptanceDecision, LinkAcceptanceRefusal> {
  const { link, account, partner, now, limits = DEFAULT_LIMITS } = options
  if (account === null) return refuse('NOT_AUTHENTICATED', false)
  const answer = offlineLinkAnswer({ link, owner: options.owner, now })
  if (!answer.ok) return refuse(answer.error.code, false)
  if (!options.emailVerified) return refuse('EMAIL_NOT_VERIFIED', false)
  if (!options.instructionsAccepted) return refuse('AGREEMENT_REQUIRED', false)

  if (!partner.customerDevelopmentEnabled) return refuse('CUSTOMER_DEVELOPMENT_NOT_ENABLED', true)
  const type = checkAssociationType(partner, link.associationType)
  if (!type.ok) return refuse(type.error.code, true)

  const active = options.activeAssociation
  if (!account.isPartner && active?.partnerId === link.partnerId && active.linkId === link.id) {
    return refuse('LINK_ALREADY_USED', false)
  }
  const chosen = options.chosen
  const refusal = eligibilityRefusal({
    account,
    partnerId: link.partnerId,
    type: type.value,
    customerKeys: accountKeys(account),
    otherPartnersHoldingRows: options.otherPartnersHoldingRows,
    associated: active !== null,
    ageSpendWaived:
      chosen !== null && chosen.ageSpendWaived && chosen.customerAccountId === account.id,
    now,
    limits,
  })
  if (refusal !== null) return refuse(refusal, true)

  return ok(
    planAssociation({
      partnerId: partner.id,
      customerAccountId: account.id,
      type: type.value,
      origin: 'LINK_INVITATION',
      now,
    })
  )
}

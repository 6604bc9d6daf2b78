import type { PartnerSnapshot, PreregistrationSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import type { DomainError, Result } from '../core/result'
import { ok } from '../core/result'
import type { AssociationType, BatchKind } from '../core/statuses'
import type { FailureCode } from '../failures/failure-codes'
import type { Actor } from '../permissions/permissions'
import { can } from '../permissions/permissions'
import { checkBatchRequest } from './batch-request'
import { checkDailyCap, checkInvite } from './invite-check'

/**
 * One row of a batch answer (R42), in request order.
 *
 * @example
 * const row: BatchRowOutcome = { preregistrationId: 'r1', outcome: 'SKIPPED', code: 'RESEND_COOLDOWN', retryAfterSeconds: 120 }
 */
export interface BatchRowOutcome {
  preregistrationId: string
  outcome: 'QUEUED' | 'SKIPPED'
  code?: FailureCode
  retryAfterSeconds?: number
}

/**
 * The decided batch: the type after defaulting, counts and one outcome per distinct id.
 *
 * @example
 * const batch: InvitationBatchDecision = { associationType: 'reseller', requested: 2, queued: 1, skipped: 1, results }
 */
export interface InvitationBatchDecision {
  associationType: AssociationType
  requested: number
  queued: number
  skipped: number
  results: BatchRowOutcome[]
}

/**
 * Snapshot for `decideInvitationBatch`, loaded after locking the rows in id order (R44).
 *
 * @example
 * const options: DecideInvitationBatchOptions = { preregistrationIds: ['r1'], partner, preregistrations: [row], latestInvitationAt: {}, recipientInvitationTimes: {}, partnerInvitationTimes: [], now }
 */
export interface DecideInvitationBatchOptions {
  preregistrationIds: readonly string[]
  /** Defaults to `reseller` when omitted (R36). */
  associationType?: AssociationType
  /** `RESEND` answers a deleted pre-registration with `PREREGISTRATION_NOT_ACTIVE` (R45). */
  kind?: BatchKind
  partner: Pick<PartnerSnapshot, 'id' | 'referralModelEnabled' | 'isPrepaid' | 'dailyInviteCap'>
  /** When given, an account manager's rows of other users are `NOT_FOUND` (R2, R38 step 1). */
  actor?: Actor
  /** The rows found for the requested ids (any partner; missing ids are simply absent). */
  preregistrations: readonly PreregistrationSnapshot[]
  /** `createdAt` of each pre-registration's latest invitation, by pre-registration id. */
  latestInvitationAt: Readonly<Record<string, Date | undefined>>
  /** `createdAt` of invitations to each canonical email, across all partners (R38 step 5). */
  recipientInvitationTimes: Readonly<Record<string, readonly Date[] | undefined>>
  /** `createdAt` of the partner's invitations (R38 step 6). */
  partnerInvitationTimes: readonly Date[]
  now: Date
  limits?: Limits
}

/**
 * Decides an invite or resend request (R36–R38, R45). Request-level checks first, in order
 * (`VALIDATION_FAILED`, `BATCH_TOO_LARGE`, `REFERRAL_NOT_ENABLED`, `PREPAID_PARTNER_RESELLER`);
 * a request-level failure decides nothing. Then duplicates collapse to their first occurrence and
 * each row is decided on its own, in request order: `NOT_FOUND`, R38 steps 2–4 (`checkInvite`),
 * `RECIPIENT_DAILY_CAP`, `PARTNER_DAILY_CAP`, counting rows queued earlier in this request.
 *
 * @example
 * const result = decideInvitationBatch({ preregistrationIds: ['r1', 'r1', 'r2'], partner, preregistrations, latestInvitationAt: {}, recipientInvitationTimes: {}, partnerInvitationTimes: [], now })
 * // result.value.results → [{ preregistrationId: 'r1', outcome: 'QUEUED' }, { preregistrationId: 'r2', … }]
 */
export function decideInvitationBatch(
  options: DecideInvitationBatchOptions
): Result<InvitationBatchDecision, DomainError> {
  const { partner, actor, now, limits = DEFAULT_LIMITS } = options
  const request = checkBatchRequest({
    preregistrationIds: options.preregistrationIds,
    associationType: options.associationType,
    partner,
    limits,
  })
  if (!request.ok) return request
  const { associationType, ids } = request.value
  const queuedTimes: Date[] = []
  const queuedRecipients: string[] = []
  const results = ids.map((id): BatchRowOutcome => {
    const skip = (code: FailureCode, retryAfterSeconds?: number): BatchRowOutcome =>
      retryAfterSeconds === undefined
        ? { preregistrationId: id, outcome: 'SKIPPED', code }
        : { preregistrationId: id, outcome: 'SKIPPED', code, retryAfterSeconds }
    const row = options.preregistrations.find((r) => r.id === id)
    if (row?.partnerId !== partner.id) return skip('NOT_FOUND')
    if (actor !== undefined && !can(actor, 'custdev.invite', row)) return skip('NOT_FOUND')
    if (row.status === 'DELETED' && options.kind !== 'RESEND') return skip('NOT_FOUND')
    const latest = options.latestInvitationAt[id]
    const check = checkInvite({
      preregistration: row,
      latestInvitation: latest ? { createdAt: latest } : null,
      now,
      limits,
    })
    if (!check.allowed) return skip(check.code, check.retryAfterSeconds)
    // checkInvite passed, so the row has an email (EMAIL_REQUIRED otherwise).
    const recipient = row.emailCanonical!
    const recipientCap = checkDailyCap({
      times: [
        ...(options.recipientInvitationTimes[recipient] ?? []),
        ...queuedRecipients.filter((r) => r === recipient).map(() => now),
      ],
      cap: limits.RECIPIENT_DAILY_INVITE_CAP,
      now,
      code: 'RECIPIENT_DAILY_CAP',
    })
    if (!recipientCap.allowed) return skip('RECIPIENT_DAILY_CAP', recipientCap.retryAfterSeconds)
    const partnerCap = checkDailyCap({
      times: [...options.partnerInvitationTimes, ...queuedTimes],
      cap: partner.dailyInviteCap,
      now,
      code: 'PARTNER_DAILY_CAP',
    })
    if (!partnerCap.allowed) return skip('PARTNER_DAILY_CAP', partnerCap.retryAfterSeconds)
    queuedTimes.push(now)
    queuedRecipients.push(recipient)
    return { preregistrationId: id, outcome: 'QUEUED' }
  })
  const queued = results.filter((r) => r.outcome === 'QUEUED').length
  return ok({
    associationType,
    requested: results.length,
    queued,
    skipped: results.length - queued,
    results,
  })
}

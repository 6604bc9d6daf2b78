import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import type { InvitationLinkKind, InvitationLinkStatus } from '../core/statuses'
import type { FailureCode } from '../failures/failure-codes'
import type { Actor } from '../permissions/permissions'
import { can } from '../permissions/permissions'

// Who sees and manages which invitation link (domain.md R90, R95, R96).

/**
 * The fields of an InvitationLink (§12.2.1) the access rules read. Full rows fit structurally.
 *
 * @example
 * const link: LinkAccessRecord = { partnerId: 'p1', kind: 'CUSTOM', createdByUserId: 'u1' }
 */
export interface LinkAccessRecord {
  partnerId: string
  kind: InvitationLinkKind
  /** For a `GENERAL` link, its owner. */
  createdByUserId: string
}

/**
 * Whether the actor sees a link at all (R90): a link of their partner, and for an account
 * manager only the links they created (their custom links and their own general link). Any other
 * link behaves as if it did not exist (R2: `NOT_FOUND`).
 *
 * @example
 * canSeeLink({ role: 'account_manager', userId: 'u1', partnerId: 'p1' }, { partnerId: 'p1', kind: 'CUSTOM', createdByUserId: 'u2' }) // false
 * canSeeLink({ role: 'read_only', userId: 'u9', partnerId: 'p1' }, { partnerId: 'p1', kind: 'CUSTOM', createdByUserId: 'u2' }) // true
 */
export function canSeeLink(actor: Actor, link: LinkAccessRecord): boolean {
  return can(actor, 'custdev.view', {
    partnerId: link.partnerId,
    createdByUserId: link.createdByUserId,
  })
}

/**
 * Whether the actor may manage a link they see (R90, R96): Copy, Disable, Enable need
 * `custdev.invite` on it.
 *
 * @example
 * canManageLink({ role: 'read_only', userId: 'u9', partnerId: 'p1' }, { partnerId: 'p1', kind: 'CUSTOM', createdByUserId: 'u2' }) // false
 */
export function canManageLink(actor: Actor, link: LinkAccessRecord): boolean {
  return can(actor, 'custdev.invite', {
    partnerId: link.partnerId,
    createdByUserId: link.createdByUserId,
  })
}

/**
 * Whether one action of the list is allowed now (R95), with the refusal code when a status or a
 * permission refuses it. An action whose target state the link is already in (Enable on an
 * active link) is not offered and carries no code: calling it anyway answers 200 unchanged.
 *
 * @example
 * const check: LinkActionCheck = { allowed: false, code: 'OFFLINE_LINK_EXPIRED' }
 */
export type LinkActionCheck =
  { allowed: true; code?: undefined } | { allowed: false; code?: FailureCode }

/**
 * The actions a custom link's row offers the actor (R95 `actions`): Copy with `custdev.invite` in
 * any status (R97); Disable from `ACTIVE`; Enable from `DISABLED`. An expired link refuses both
 * with `OFFLINE_LINK_EXPIRED` (§12.3.1), and without `custdev.invite` every action is
 * `PERMISSION_DENIED` (the page shows them disabled with that reason, R90).
 *
 * @example
 * linkActions(salesActor, link, 'EXPIRED').enable // { allowed: false, code: 'OFFLINE_LINK_EXPIRED' }
 * linkActions(salesActor, link, 'ACTIVE').disable // { allowed: true }
 * linkActions(salesActor, link, 'ACTIVE').enable // { allowed: false }
 */
export function linkActions(
  actor: Actor,
  link: LinkAccessRecord,
  effectiveStatus: InvitationLinkStatus
): { copy: LinkActionCheck; disable: LinkActionCheck; enable: LinkActionCheck } {
  if (!canManageLink(actor, link)) {
    const denied: LinkActionCheck = { allowed: false, code: 'PERMISSION_DENIED' }
    return { copy: denied, disable: denied, enable: denied }
  }
  const from = (status: InvitationLinkStatus): LinkActionCheck => {
    if (effectiveStatus === status) return { allowed: true }
    const code = REFUSALS[effectiveStatus]
    return code === undefined ? { allowed: false } : { allowed: false, code }
  }
  return { copy: { allowed: true }, disable: from('ACTIVE'), enable: from('DISABLED') }
}

// Statuses from which neither switch applies, with the code they answer (R100, §12.3.1).
const REFUSALS: Partial<Record<InvitationLinkStatus, FailureCode>> = {
  EXPIRED: 'OFFLINE_LINK_EXPIRED',
  RESET: 'OFFLINE_LINK_RESET',
}

/**
 * Decides `GET …/invitation-links/{id}/url` (R97, §12.2.4): a link the caller does not see is
 * `NOT_FOUND` (R2); one they see but may not manage is `PERMISSION_DENIED`; a general link is
 * `VALIDATION_FAILED` with `fields [{ path: 'linkId', reason: 'GENERAL_LINK' }]` (it is reached
 * only through `…/general`, by its owner); a custom link in any status is answered.
 *
 * @example
 * decideLinkUrl({ link: customLink, actor: salesActor }) // ok(customLink)
 * decideLinkUrl({ link: null, actor: salesActor }) // err({ code: 'NOT_FOUND' })
 */
export function decideLinkUrl<L extends LinkAccessRecord>(input: {
  link: L | null
  actor: Actor
}): Result<L, DomainError> {
  const { link, actor } = input
  if (link === null || !canSeeLink(actor, link)) return fail('NOT_FOUND')
  if (!canManageLink(actor, link)) return fail('PERMISSION_DENIED')
  if (link.kind === 'GENERAL') return validationFailed([{ path: 'linkId', reason: 'GENERAL_LINK' }])
  return ok(link)
}

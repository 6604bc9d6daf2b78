import type { DomainError, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import type { InvitationLinkKind, InvitationLinkStatus } from '../core/statuses'
import { appliesFrom, writtenStatus } from '../core/state-event'
import type { Actor } from '../permissions/permissions'
import { canManageLink, canSeeLink } from './link-access'
import { effectiveLinkStatus } from './link-answer'
import type { LinkEvent } from './link-events'
import { LINK_EVENTS } from './link-events'

// Disable, enable and reset of an invitation link (domain.md §12.3.1 L3, L4, L6; R92, R96).

/**
 * A switch of a custom link: `disable` (L3) or `enable` (L4).
 *
 * @example
 * const change: LinkChange = 'disable'
 */
export type LinkChange = 'disable' | 'enable'

/**
 * The fields of an InvitationLink (§12.2.1) a change reads. Full rows fit structurally.
 *
 * @example
 * const link: LinkChangeRecord = { partnerId: 'p1', kind: 'CUSTOM', createdByUserId: 'u1', status: 'ACTIVE', expiresAt: null }
 */
export interface LinkChangeRecord {
  partnerId: string
  kind: InvitationLinkKind
  createdByUserId: string
  status: InvitationLinkStatus
  expiresAt: Date | null
}

/**
 * What a change does: the event to write (with its from-states for the SQL guard and its audit
 * action), or nothing, when the link is already in the target state (200, no audit).
 *
 * @example
 * const decision: LinkChangeDecision = { link, event: LINK_EVENTS.DISABLE, status: 'DISABLED' }
 * const unchanged: LinkChangeDecision = { link, event: null, status: 'DISABLED' }
 */
export interface LinkChangeDecision<L extends LinkChangeRecord = LinkChangeRecord> {
  /** The link decided on (the caller's row, so it needs no null check of its own). */
  link: L
  event: LinkEvent | null
  /** The link's effective status after the change. */
  status: InvitationLinkStatus
}

const EVENTS: Readonly<Record<LinkChange, LinkEvent>> = {
  disable: LINK_EVENTS.DISABLE,
  enable: LINK_EVENTS.ENABLE,
}

/**
 * Decides a disable (L3) or enable (L4) of the link `{id}` names (R96, §12.3.1), in this order:
 * unknown, another partner's link, or one an account manager did not create → `NOT_FOUND` (R2);
 * no `custdev.invite` on it → `PERMISSION_DENIED`; a general link → `VALIDATION_FAILED` with
 * `fields [{ path: 'linkId', reason: 'GENERAL_LINK' }]` (general links are reset, never
 * switched); effective status `EXPIRED` → `OFFLINE_LINK_EXPIRED`, for enable and disable alike;
 * already in the target state → no event (200, unchanged); else the event.
 *
 * The caller runs it on the row read `FOR UPDATE` and writes the event with a guard on its
 * `from`, so two concurrent switches write one event.
 *
 * @example
 * decideLinkChange({ change: 'disable', link: activeCustom, actor, now }) // ok({ link: activeCustom, event: LINK_EVENTS.DISABLE, status: 'DISABLED' })
 * decideLinkChange({ change: 'disable', link: disabledCustom, actor, now }) // ok({ link: disabledCustom, event: null, status: 'DISABLED' })
 * decideLinkChange({ change: 'enable', link: expiredCustom, actor, now }) // err OFFLINE_LINK_EXPIRED
 */
export function decideLinkChange<L extends LinkChangeRecord>(input: {
  change: LinkChange
  link: L | null
  actor: Actor
  now: Date
}): Result<LinkChangeDecision<L>, DomainError> {
  const { change, link, actor, now } = input
  if (link === null || !canSeeLink(actor, link)) return fail('NOT_FOUND')
  if (!canManageLink(actor, link)) return fail('PERMISSION_DENIED')
  if (link.kind === 'GENERAL') {
    return validationFailed([{ path: 'linkId', reason: 'GENERAL_LINK' }])
  }
  // A custom link's status does not depend on its creator (§12.3.1), so no owner is read.
  const status = effectiveLinkStatus(link, null, now)
  if (status === 'EXPIRED') return fail('OFFLINE_LINK_EXPIRED')
  const event = EVENTS[change]
  const target = writtenStatus(event)
  if (status === target) return ok({ link, event: null, status })
  if (!appliesFrom(event, status)) return fail('OFFLINE_LINK_RESET')
  return ok({ link, event, status: target })
}

/**
 * Decides a reset of the caller's general link (L6, R92): the caller's `ACTIVE` general link is
 * replaced; with none (the tab was never opened, or only `RESET` ones remain) the answer is
 * `LINK_NOT_FOUND`, and the next view creates one (L1). The permission check (`custdev.invite`,
 * R3) runs before this, in the route.
 *
 * @example
 * decideLinkReset({ link: null }) // err({ code: 'LINK_NOT_FOUND' })
 * decideLinkReset({ link: activeGeneral }) // ok({ link: activeGeneral, event: LINK_EVENTS.RESET })
 */
export function decideLinkReset<L extends Pick<LinkChangeRecord, 'kind' | 'status'>>(input: {
  link: L | null
}): Result<{ link: L; event: LinkEvent }, DomainError> {
  const { link } = input
  const event = LINK_EVENTS.RESET
  if (link === null || !event.kinds.includes(link.kind) || !appliesFrom(event, link.status)) {
    return fail('LINK_NOT_FOUND')
  }
  return ok({ link, event })
}

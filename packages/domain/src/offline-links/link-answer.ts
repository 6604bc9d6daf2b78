import type { AssociationType, InvitationLinkKind, InvitationLinkStatus } from '../core/statuses'
import type { Result } from '../core/result'
import { err, ok } from '../core/result'

// The answer to opening an offline invitation link (domain.md §12.3.1, R100), the sibling of the
// email link's `resolveLinkAnswer` (invitation/link-answer.ts).

/**
 * The codes opening a link can answer (R100, §12.5): `LINK_NOT_FOUND` (404, already in the
 * catalogue) and the three 410 codes of a known link that does not work.
 *
 * @example
 * const code: OfflineLinkFailureCode = 'OFFLINE_LINK_RESET'
 */
export type OfflineLinkFailureCode =
  'LINK_NOT_FOUND' | 'OFFLINE_LINK_DISABLED' | 'OFFLINE_LINK_RESET' | 'OFFLINE_LINK_EXPIRED'

/**
 * The fields of an InvitationLink (§12.2.1) the answer reads. Full rows fit structurally.
 *
 * @example
 * const link: InvitationLinkSnapshot = { partnerId: 'p1', kind: 'CUSTOM', status: 'ACTIVE', associationType: 'reseller', expiresAt: null }
 */
export interface InvitationLinkSnapshot {
  partnerId: string
  kind: InvitationLinkKind
  status: InvitationLinkStatus
  associationType: AssociationType
  expiresAt: Date | null
}

/**
 * What a general link's answer reads of its owner: whether the user is `DISABLED` (§3.2) and
 * whether their role has `custdev.invite`.
 *
 * @example
 * const owner: LinkOwnerState = { disabled: false, canInvite: true }
 */
export interface LinkOwnerState {
  disabled: boolean
  canInvite: boolean
}

/**
 * A link that opens (R100 200): what the portal shows besides the partner's name, contact email
 * and `defaultLocale`, which the caller reads from the partner `partnerId` names.
 *
 * @example
 * const open: OpenOfflineLink = { open: true, partnerId: 'p1', associationType: 'reseller', expiresAt: null }
 */
export interface OpenOfflineLink {
  open: true
  partnerId: string
  associationType: AssociationType
  /** Set for an activity link ("This link works until …"), else null. */
  expiresAt: Date | null
}

/**
 * A link that does not open. The caller adds `details.partnerName` for a known link (R100).
 *
 * @example
 * const error: OfflineLinkError = { code: 'OFFLINE_LINK_EXPIRED' }
 */
export interface OfflineLinkError {
  code: OfflineLinkFailureCode
}

/**
 * The input of {@link offlineLinkAnswer}: the link the code's SHA-256 found (null when unknown),
 * its owner for a `GENERAL` link, and the clock.
 *
 * @example
 * const input: OfflineLinkAnswerInput = { link: null, now }
 */
export interface OfflineLinkAnswerInput {
  link: InvitationLinkSnapshot | null
  /** Read for `GENERAL` links only; a custom link does not depend on its creator's status. */
  owner?: LinkOwnerState | null
  now: Date
}

/**
 * A link's effective status at `now` (§12.3.1), in the document's order: `RESET` if stored
 * `RESET`; else `EXPIRED` if stored `EXPIRED` or `expiresAt` is set and `now ≥ expiresAt`; else
 * `DISABLED` if stored `DISABLED`, or a `GENERAL` link whose owner is disabled or lacks
 * `custdev.invite`; else `ACTIVE`.
 *
 * Two choices where the document is silent: a stored `EXPIRED` (written by the sweeper, L5,
 * only once `now ≥ expiresAt`) stays `EXPIRED` even without `expiresAt`, since L5 is final; and
 * a `GENERAL` link whose owner is not given answers `DISABLED` (fail closed: nothing proves the
 * owner may still invite).
 *
 * @example
 * effectiveLinkStatus({ ...link, kind: 'GENERAL' }, { disabled: true, canInvite: true }, now) // 'DISABLED'
 */
export function effectiveLinkStatus(
  link: Pick<InvitationLinkSnapshot, 'kind' | 'status' | 'expiresAt'>,
  owner: LinkOwnerState | null | undefined,
  now: Date
): InvitationLinkStatus {
  if (link.status === 'RESET') return 'RESET'
  if (link.status === 'EXPIRED') return 'EXPIRED'
  if (link.expiresAt !== null && now.getTime() >= link.expiresAt.getTime()) return 'EXPIRED'
  if (link.status === 'DISABLED') return 'DISABLED'
  if (link.kind === 'GENERAL' && (owner == null || owner.disabled || !owner.canInvite)) {
    return 'DISABLED'
  }
  return 'ACTIVE'
}

const CODES: Readonly<Record<Exclude<InvitationLinkStatus, 'ACTIVE'>, OfflineLinkFailureCode>> = {
  RESET: 'OFFLINE_LINK_RESET',
  EXPIRED: 'OFFLINE_LINK_EXPIRED',
  DISABLED: 'OFFLINE_LINK_DISABLED',
}

/**
 * The answer to opening an offline link (R100): open with the association type and expiry when
 * the effective status is `ACTIVE`; else `OFFLINE_LINK_RESET`, `OFFLINE_LINK_EXPIRED` or
 * `OFFLINE_LINK_DISABLED` (410), with the precedence of {@link effectiveLinkStatus} (a reset link
 * past its expiry is `RESET`; a disabled link past its expiry is `EXPIRED`); `LINK_NOT_FOUND`
 * (404) for an unknown code. Reading changes nothing (R100, extends R57); every later step
 * (R101–R107) starts with this answer.
 *
 * @example
 * offlineLinkAnswer({ link: null, now }) // err({ code: 'LINK_NOT_FOUND' })
 * offlineLinkAnswer({ link: { ...link, status: 'RESET' }, now }) // err({ code: 'OFFLINE_LINK_RESET' })
 */
export function offlineLinkAnswer(
  input: OfflineLinkAnswerInput
): Result<OpenOfflineLink, OfflineLinkError> {
  const { link, owner, now } = input
  if (link === null) return err({ code: 'LINK_NOT_FOUND' })
  const status = effectiveLinkStatus(link, owner, now)
  if (status !== 'ACTIVE') return err({ code: CODES[status] })
  return ok({
    open: true,
    partnerId: link.partnerId,
    associationType: link.associationType,
    expiresAt: link.expiresAt,
  })
}

import type { StateEvent } from '../core/state-event'
import type { InvitationLinkKind, InvitationLinkStatus } from '../core/statuses'

/**
 * One event of the invitation link state machine (domain.md §12.3.1): a {@link StateEvent} that
 * also names the link kinds it applies to (disable and enable take custom links only, reset the
 * general link only). An empty `from` is a creation (from none).
 *
 * @example
 * const reset: LinkEvent = { rule: 'L6', kinds: ['GENERAL'], from: ['ACTIVE'], to: 'RESET', audit: 'invitation_link.reset', clock: false }
 */
export interface LinkEvent extends StateEvent<InvitationLinkStatus> {
  readonly kinds: readonly InvitationLinkKind[]
}

// Written as literals so the event names are a type; exported below with the general shape.
const TABLE = {
  /** L1: a user's general link, created on their first view of the tab (R91), or by a reset. */
  GENERAL_CREATED: {
    rule: 'L1',
    kinds: ['GENERAL'],
    from: [],
    to: 'ACTIVE',
    audit: 'invitation_link.created',
    clock: false,
  },
  /** L2: a custom link created with a tag (R93). */
  CUSTOM_CREATED: {
    rule: 'L2',
    kinds: ['CUSTOM'],
    from: [],
    to: 'ACTIVE',
    audit: 'invitation_link.created',
    clock: false,
  },
  /** L3: disabled by a user who may manage it (R96); its pending registrations become void. */
  DISABLE: {
    rule: 'L3',
    kinds: ['CUSTOM'],
    from: ['ACTIVE'],
    to: 'DISABLED',
    audit: 'invitation_link.disabled',
    clock: false,
  },
  /** L4: enabled again (R96); the same code works again. */
  ENABLE: {
    rule: 'L4',
    kinds: ['CUSTOM'],
    from: ['DISABLED'],
    to: 'ACTIVE',
    audit: 'invitation_link.enabled',
    clock: false,
  },
  /** L5: an activity link's `expiresAt` has passed; written once by the sweeper (R80). */
  EXPIRE: {
    rule: 'L5',
    kinds: ['CUSTOM'],
    from: ['ACTIVE', 'DISABLED'],
    to: 'EXPIRED',
    audit: 'invitation_link.expired',
    clock: true,
  },
  /** L6: the owner replaced their general link (R92); a new one (L1) in the same transaction. */
  RESET: {
    rule: 'L6',
    kinds: ['GENERAL'],
    from: ['ACTIVE'],
    to: 'RESET',
    audit: 'invitation_link.reset',
    clock: false,
  },
} as const satisfies Record<string, LinkEvent>

/**
 * The name of one invitation link event.
 *
 * @example
 * const name: LinkEventName = 'DISABLE'
 */
export type LinkEventName = keyof typeof TABLE

/**
 * Every event of an invitation link (§12.3.1, L1–L6) as data: rule id, kinds, from-states (empty
 * for a creation), to-state and audit action. `decideLinkChange` decides from it and the API's
 * SQL status guards are built from it, so a state or an event is added in one place.
 *
 * @example
 * LINK_EVENTS.EXPIRE.from // ['ACTIVE', 'DISABLED']
 * LINK_EVENTS.RESET.audit // 'invitation_link.reset'
 */
export const LINK_EVENTS: Readonly<Record<LinkEventName, LinkEvent>> = TABLE

/**
 * Every link event name, in table order (L1 to L6).
 *
 * @example
 * LINK_EVENT_NAMES[0] // 'GENERAL_CREATED'
 */
export const LINK_EVENT_NAMES = Object.keys(TABLE) as LinkEventName[]

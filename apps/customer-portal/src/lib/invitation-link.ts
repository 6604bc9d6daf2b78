import { RECORDED_ACCEPTANCE_FAILURES } from '@partner-center/domain'
import { readInvitationToken } from './read-invitation-token'

const STORAGE_KEY = 'partner-center.invitation-token'

/** The answers of R58 for a link that is not live: none of them changes with time. */
const LINK_ANSWERS: readonly string[] = [
  'LINK_NOT_FOUND',
  'LINK_EXPIRED',
  'LINK_ALREADY_USED',
  'LINK_SUPERSEDED',
  'LINK_REVOKED',
]

/** What {@link takeInvitationToken} uses of `window`; tests pass their own. */
export interface LinkWindow {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>
  history: Pick<History, 'state' | 'replaceState'>
  sessionStorage: Storage
}

/**
 * The link secret of this tab kept under `key`: a link's fragment (`/invite#<token>`, R56;
 * `/join#<code>`, R99) is kept in this tab's sessionStorage and then removed from the address
 * bar, so it does not stay on screen, in screenshots or in the browser's history, while a reload
 * between registering and accepting still finds it. Without a fragment, the stored secret; a
 * fragment that is not a 43-character base64url secret answers null (the page says to open the
 * link again) and leaves the stored one alone.
 *
 * @example
 * takeFragmentSecret('partner-center.invitation-token') // at /invite#q1w2…: 'q1w2…', and the address is /invite
 */
export function takeFragmentSecret(key: string, win: LinkWindow = window): string | null {
  const { location, history, sessionStorage: storage } = win
  if (!location.hash) return readInvitationToken(storage.getItem(key) ?? '')
  const secret = readInvitationToken(location.hash)
  if (!secret) return null
  try {
    storage.setItem(key, secret)
  } catch {
    // Storage refused (full, or disabled): the address bar stays the only copy a reload has.
    return secret
  }
  // The router's state object is kept: vue-router reads it on back and forward.
  history.replaceState(history.state, '', `${location.pathname}${location.search}`)
  return secret
}

/**
 * The invitation token of this tab (`/invite#<token>`, R56); see {@link takeFragmentSecret}.
 *
 * @example
 * const token = takeInvitationToken() // at /invite#q1w2…: 'q1w2…', and the address is /invite
 */
export function takeInvitationToken(win: LinkWindow = window): string | null {
  return takeFragmentSecret(STORAGE_KEY, win)
}

/** Forgets this tab's link token: after success or a terminal answer it can do nothing more. */
export function forgetInvitationToken(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY)
}

/**
 * Whether an answer ends what the link can do: a link that is not live (R58) or an association
 * failure recorded on the invitation (R62). Busy, network, rate-limit, sign-in and form answers
 * do not: the same link may work on the next try.
 *
 * @example
 * endsTheLink('LINK_EXPIRED') // true
 * endsTheLink('SYSTEM_BUSY') // false
 */
export function endsTheLink(code: string): boolean {
  return (
    LINK_ANSWERS.includes(code) ||
    (RECORDED_ACCEPTANCE_FAILURES as readonly string[]).includes(code)
  )
}

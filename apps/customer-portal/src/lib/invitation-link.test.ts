import { beforeEach, describe, expect, it } from 'vitest'
import {
  endsTheLink,
  forgetInvitationToken,
  takeInvitationToken,
  type LinkWindow,
} from './invitation-link'

const TOKEN = 'A'.repeat(40) + '_-9'
const OTHER = 'B'.repeat(43)
const STORED = 'partner-center.invitation-token'

/** A tab at `url`: its address bar, history and this tab's sessionStorage. */
function tab(url: string): LinkWindow & { address: () => string; routerState: unknown } {
  const current = new URL(url)
  const routerState = { back: null, current: '/invite' }
  const history = {
    state: routerState as unknown,
    replaceState(state: unknown, _unused: string, next?: string | URL | null) {
      history.state = state
      if (next !== undefined && next !== null) {
        const target = new URL(String(next), current)
        current.pathname = target.pathname
        current.search = target.search
        current.hash = target.hash
      }
    },
  }
  return {
    location: current,
    history,
    sessionStorage,
    address: () => current.href,
    routerState,
  }
}

beforeEach(() => {
  sessionStorage.clear()
})

describe('takeInvitationToken', () => {
  it('keeps the link token in this tab and removes it from the address bar', () => {
    const page = tab(`http://localhost:4175/invite?lang=zh-CN#${TOKEN}`)
    expect(takeInvitationToken(page)).toBe(TOKEN)
    expect(page.address()).toBe('http://localhost:4175/invite?lang=zh-CN')
    expect(sessionStorage.getItem(STORED)).toBe(TOKEN)
    // The router's history state survives the replacement.
    expect(page.history.state).toBe(page.routerState)
  })

  it('finds the token again after a reload of the cleaned address', () => {
    takeInvitationToken(tab(`http://localhost:4175/invite#${TOKEN}`))
    const reloaded = tab('http://localhost:4175/invite')
    expect(takeInvitationToken(reloaded)).toBe(TOKEN)
    expect(reloaded.address()).toBe('http://localhost:4175/invite')
  })

  it('lets a newly opened link replace the stored one', () => {
    takeInvitationToken(tab(`http://localhost:4175/invite#${TOKEN}`))
    expect(takeInvitationToken(tab(`http://localhost:4175/invite#${OTHER}`))).toBe(OTHER)
    expect(sessionStorage.getItem(STORED)).toBe(OTHER)
  })

  it('answers no token for a broken link, leaving the stored one and the address alone', () => {
    takeInvitationToken(tab(`http://localhost:4175/invite#${TOKEN}`))
    const broken = tab('http://localhost:4175/invite#not-a-token')
    expect(takeInvitationToken(broken)).toBeNull()
    expect(broken.address()).toBe('http://localhost:4175/invite#not-a-token')
    expect(sessionStorage.getItem(STORED)).toBe(TOKEN)
  })

  it('answers no token without a link or a stored one, or after forgetting it', () => {
    expect(takeInvitationToken(tab('http://localhost:4175/invite'))).toBeNull()
    takeInvitationToken(tab(`http://localhost:4175/invite#${TOKEN}`))
    forgetInvitationToken()
    expect(takeInvitationToken(tab('http://localhost:4175/invite'))).toBeNull()
  })

  it('leaves the token in the address bar when this tab cannot store it', () => {
    const page = tab(`http://localhost:4175/invite#${TOKEN}`)
    const full = {
      ...page,
      sessionStorage: {
        ...sessionStorage,
        setItem: () => {
          throw new Error('QuotaExceededError')
        },
      } as Storage,
    }
    expect(takeInvitationToken(full)).toBe(TOKEN)
    expect(page.address()).toBe(`http://localhost:4175/invite#${TOKEN}`)
  })
})

describe('endsTheLink', () => {
  it.each([
    'LINK_NOT_FOUND',
    'LINK_EXPIRED',
    'LINK_ALREADY_USED',
    'LINK_SUPERSEDED',
    'LINK_REVOKED',
    'UNPAID_BILLS',
    'ALREADY_ASSOCIATED',
  ])('is true for the terminal answer %s', (code) => {
    expect(endsTheLink(code)).toBe(true)
  })

  it.each([
    'SYSTEM_BUSY',
    'NETWORK',
    'RATE_LIMITED',
    'INTERNAL',
    'RECIPIENT_MISMATCH',
    'AGREEMENT_REQUIRED',
    'NOT_AUTHENTICATED',
    'ACCOUNT_EXISTS',
    'VALIDATION_FAILED',
  ])('is false for %s, after which the same link may still work', (code) => {
    expect(endsTheLink(code)).toBe(false)
  })
})

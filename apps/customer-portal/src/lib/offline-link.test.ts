import { beforeEach, describe, expect, it } from 'vitest'
import { takeInvitationToken, type LinkWindow } from './invitation-link'
import { forgetLinkCode, isLinkAnswer, takeLinkCode } from './offline-link'

const CODE = 'C'.repeat(40) + '-_7'
const STORED = 'partner-center.invitation-link-code'

/** A tab at `url`: its address bar, history and this tab's sessionStorage. */
function tab(url: string): LinkWindow & { address: () => string } {
  const current = new URL(url)
  const history = {
    state: { current: '/join' } as unknown,
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
  return { location: current, history, sessionStorage, address: () => current.href }
}

beforeEach(() => {
  sessionStorage.clear()
})

describe('takeLinkCode (R99)', () => {
  it('keeps the link code in this tab and removes it from the address bar', () => {
    const page = tab(`http://localhost:4175/join#${CODE}`)
    expect(takeLinkCode(page)).toBe(CODE)
    expect(page.address()).toBe('http://localhost:4175/join')
    expect(sessionStorage.getItem(STORED)).toBe(CODE)
  })

  it('finds the code again after a reload, and not after it is forgotten', () => {
    takeLinkCode(tab(`http://localhost:4175/join#${CODE}`))
    expect(takeLinkCode(tab('http://localhost:4175/join'))).toBe(CODE)
    forgetLinkCode()
    expect(takeLinkCode(tab('http://localhost:4175/join'))).toBeNull()
  })

  it('answers no code for a fragment that is not one, leaving the address alone', () => {
    const broken = tab('http://localhost:4175/join#not-a-code')
    expect(takeLinkCode(broken)).toBeNull()
    expect(broken.address()).toBe('http://localhost:4175/join#not-a-code')
    expect(sessionStorage.getItem(STORED)).toBeNull()
  })

  it('is kept apart from the email invitation token of the same tab', () => {
    takeLinkCode(tab(`http://localhost:4175/join#${CODE}`))
    expect(takeInvitationToken(tab('http://localhost:4175/invite'))).toBeNull()
    forgetLinkCode()
    takeInvitationToken(tab(`http://localhost:4175/invite#${CODE}`))
    expect(takeLinkCode(tab('http://localhost:4175/join'))).toBeNull()
  })
})

describe('isLinkAnswer', () => {
  it.each([
    'LINK_NOT_FOUND',
    'OFFLINE_LINK_DISABLED',
    'OFFLINE_LINK_RESET',
    'OFFLINE_LINK_EXPIRED',
  ])('is true for the link answer %s (R100)', (code) => {
    expect(isLinkAnswer(code)).toBe(true)
  })

  it.each([
    'UNPAID_BILLS',
    'LINK_ALREADY_USED',
    'EMAIL_CODE_INVALID',
    'EMAIL_NOT_VERIFIED',
    'SYSTEM_BUSY',
    'RATE_LIMITED',
  ])('is false for %s, after which the link may still work', (code) => {
    expect(isLinkAnswer(code)).toBe(false)
  })
})

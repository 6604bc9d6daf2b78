import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../core/audit'
import { INVITATION_LINK_STATUSES, type InvitationLinkStatus } from '../core/statuses'
import type { Actor } from '../permissions/permissions'
import { canManageLink, canSeeLink, decideLinkUrl, linkActions } from './link-access'
import { decideLinkChange, decideLinkReset, type LinkChangeRecord } from './link-change'
import { LINK_EVENT_NAMES, LINK_EVENTS } from './link-events'

const now = new Date('2025-03-10T12:00:00Z')
const past = new Date('2025-03-10T11:59:59.999Z')
const admin: Actor = { role: 'admin', userId: 'u-admin', partnerId: 'p1' }
const sales: Actor = { role: 'sales', userId: 'u-sales', partnerId: 'p1' }
const manager: Actor = { role: 'account_manager', userId: 'u-am', partnerId: 'p1' }
const readOnly: Actor = { role: 'read_only', userId: 'u-ro', partnerId: 'p1' }

const custom = (over: Partial<LinkChangeRecord> = {}): LinkChangeRecord => ({
  partnerId: 'p1',
  kind: 'CUSTOM',
  createdByUserId: 'u-sales',
  status: 'ACTIVE',
  expiresAt: null,
  ...over,
})

describe('LINK_EVENTS (§12.3.1 L1–L6)', () => {
  it('holds the six rows of the table with their from-states, to-state and audit action', () => {
    const rows = LINK_EVENT_NAMES.map((name) => {
      const event = LINK_EVENTS[name]
      return [event.rule, event.kinds.join(), event.from.join(), event.to, event.audit, event.clock]
    })
    expect(rows).toEqual([
      ['L1', 'GENERAL', '', 'ACTIVE', 'invitation_link.created', false],
      ['L2', 'CUSTOM', '', 'ACTIVE', 'invitation_link.created', false],
      ['L3', 'CUSTOM', 'ACTIVE', 'DISABLED', 'invitation_link.disabled', false],
      ['L4', 'CUSTOM', 'DISABLED', 'ACTIVE', 'invitation_link.enabled', false],
      ['L5', 'CUSTOM', 'ACTIVE,DISABLED', 'EXPIRED', 'invitation_link.expired', true],
      ['L6', 'GENERAL', 'ACTIVE', 'RESET', 'invitation_link.reset', false],
    ])
  })

  it('names only catalogue audit actions and statuses, and nothing leaves EXPIRED or RESET', () => {
    for (const name of LINK_EVENT_NAMES) {
      const event = LINK_EVENTS[name]
      expect(AUDIT_ACTIONS).toContain(event.audit)
      for (const from of event.from) {
        expect(INVITATION_LINK_STATUSES).toContain(from)
        expect(['EXPIRED', 'RESET']).not.toContain(from)
      }
    }
  })
})

describe('decideLinkChange (R96, §12.3.1)', () => {
  it('disables an active custom link and enables a disabled one', () => {
    const active = custom()
    expect(decideLinkChange({ change: 'disable', link: active, actor: sales, now })).toEqual({
      ok: true,
      value: { link: active, event: LINK_EVENTS.DISABLE, status: 'DISABLED' },
    })
    const disabled = custom({ status: 'DISABLED' })
    expect(decideLinkChange({ change: 'enable', link: disabled, actor: admin, now })).toEqual({
      ok: true,
      value: { link: disabled, event: LINK_EVENTS.ENABLE, status: 'ACTIVE' },
    })
  })

  it('answers a link already in the target state with no event (200, nothing written)', () => {
    const disabled = custom({ status: 'DISABLED' })
    expect(decideLinkChange({ change: 'disable', link: disabled, actor: sales, now })).toEqual({
      ok: true,
      value: { link: disabled, event: null, status: 'DISABLED' },
    })
    const active = custom()
    expect(decideLinkChange({ change: 'enable', link: active, actor: sales, now })).toEqual({
      ok: true,
      value: { link: active, event: null, status: 'ACTIVE' },
    })
  })

  it('refuses both switches of an expired link with OFFLINE_LINK_EXPIRED, stored or by the clock', () => {
    const links = [
      custom({ status: 'EXPIRED', expiresAt: past }),
      custom({ status: 'ACTIVE', expiresAt: now }),
      custom({ status: 'DISABLED', expiresAt: past }),
    ]
    for (const link of links) {
      for (const change of ['disable', 'enable'] as const) {
        expect(decideLinkChange({ change, link, actor: sales, now })).toEqual({
          ok: false,
          error: { code: 'OFFLINE_LINK_EXPIRED' },
        })
      }
    }
  })

  it('switches an activity link up to the millisecond before its expiry', () => {
    const link = custom({ expiresAt: new Date(now.getTime() + 1) })
    expect(decideLinkChange({ change: 'disable', link, actor: sales, now }).ok).toBe(true)
  })

  it('refuses a general link with VALIDATION_FAILED linkId GENERAL_LINK', () => {
    const general = custom({ kind: 'GENERAL', createdByUserId: 'u-admin' })
    for (const change of ['disable', 'enable'] as const) {
      expect(decideLinkChange({ change, link: general, actor: admin, now })).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          details: { fields: [{ path: 'linkId', reason: 'GENERAL_LINK' }] },
        },
      })
    }
  })

  it('answers NOT_FOUND for no link, another partner, and another user for an account manager', () => {
    const cases: [LinkChangeRecord | null, Actor][] = [
      [null, admin],
      [custom({ partnerId: 'p2' }), admin],
      [custom({ createdByUserId: 'u-other' }), manager],
      // An account manager's check comes before the general-link answer: it does not exist.
      [custom({ kind: 'GENERAL', createdByUserId: 'u-admin' }), manager],
    ]
    for (const [link, actor] of cases) {
      expect(decideLinkChange({ change: 'disable', link, actor, now })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    }
    const own = custom({ createdByUserId: 'u-am' })
    expect(decideLinkChange({ change: 'disable', link: own, actor: manager, now }).ok).toBe(true)
  })

  it('refuses a user who sees the link but may not invite with PERMISSION_DENIED', () => {
    expect(decideLinkChange({ change: 'disable', link: custom(), actor: readOnly, now })).toEqual({
      ok: false,
      error: { code: 'PERMISSION_DENIED' },
    })
  })
})

describe('decideLinkReset (R92)', () => {
  it('resets an active general link', () => {
    const link = { kind: 'GENERAL', status: 'ACTIVE' } as const
    expect(decideLinkReset({ link })).toEqual({
      ok: true,
      value: { link, event: LINK_EVENTS.RESET },
    })
  })

  it('answers LINK_NOT_FOUND without an active general link', () => {
    const links = [
      null,
      { kind: 'GENERAL', status: 'RESET' },
      { kind: 'CUSTOM', status: 'ACTIVE' },
    ] as const
    for (const link of links) {
      expect(decideLinkReset({ link })).toEqual({ ok: false, error: { code: 'LINK_NOT_FOUND' } })
    }
  })
})

describe('link access (R90, R95)', () => {
  it('shows an account manager only the links they created', () => {
    expect(canSeeLink(manager, custom({ createdByUserId: 'u-am' }))).toBe(true)
    expect(canSeeLink(manager, custom())).toBe(false)
    expect(canSeeLink(readOnly, custom())).toBe(true)
    expect(canSeeLink(admin, custom({ partnerId: 'p2' }))).toBe(false)
    expect(canManageLink(readOnly, custom())).toBe(false)
    expect(canManageLink(sales, custom({ createdByUserId: 'u-other' }))).toBe(true)
  })

  it('offers each action by effective status, and none without custdev.invite', () => {
    const actions = (status: InvitationLinkStatus) => linkActions(sales, custom(), status)
    expect(actions('ACTIVE')).toEqual({
      copy: { allowed: true },
      disable: { allowed: true },
      enable: { allowed: false },
    })
    expect(actions('DISABLED')).toEqual({
      copy: { allowed: true },
      disable: { allowed: false },
      enable: { allowed: true },
    })
    const expired = { allowed: false, code: 'OFFLINE_LINK_EXPIRED' }
    expect(actions('EXPIRED')).toEqual({
      copy: { allowed: true },
      disable: expired,
      enable: expired,
    })
    const denied = { allowed: false, code: 'PERMISSION_DENIED' }
    expect(linkActions(readOnly, custom(), 'ACTIVE')).toEqual({
      copy: denied,
      disable: denied,
      enable: denied,
    })
  })
})

describe('decideLinkUrl (R97)', () => {
  it('answers a custom link the caller manages in any status', () => {
    const expired = custom({ status: 'EXPIRED' })
    expect(decideLinkUrl({ link: expired, actor: sales })).toEqual({ ok: true, value: expired })
  })

  it('refuses unseen links, read-only callers and general links', () => {
    const code = (link: LinkChangeRecord | null, actor: Actor) => {
      const result = decideLinkUrl({ link, actor })
      return result.ok ? 'ok' : result.error
    }
    expect(code(null, admin)).toEqual({ code: 'NOT_FOUND' })
    expect(code(custom({ partnerId: 'p2' }), admin)).toEqual({ code: 'NOT_FOUND' })
    expect(code(custom(), manager)).toEqual({ code: 'NOT_FOUND' })
    expect(code(custom(), readOnly)).toEqual({ code: 'PERMISSION_DENIED' })
    expect(code(custom({ kind: 'GENERAL', createdByUserId: 'u-admin' }), admin)).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'linkId', reason: 'GENERAL_LINK' }] },
    })
  })
})

import { pendingLinkRegistrations } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expireInvitationLinks } from '../src/outbox/expire-invitation-links'
import { sweepExpiredRecords } from '../src/outbox/sweep-expired-records'
import { auditEvents, errorOf, leakedSecrets, type TestApp } from './helpers'
import {
  codeOf,
  insertPendingRegistration,
  linkRow,
  LINKS,
  pendingStatus,
  sha256,
} from './invitation-link-fixtures'
import { customLinkSteps, signInLinkUsers } from './support/custom-links-world'
import { createTestApp } from './test-app'

// Custom invitation links (domain.md R93–R97, L3–L5): activity links, disable and enable, Copy's
// URL, scope and permissions, and that no code issued in this file reaches a log or an audit
// event.

let t: TestApp
const tokens: Record<string, string> = {}
const issued = new Set<string>()
const { token, create, switchLink, urlOf, list, passExpiry, created } = customLinkSteps(
  () => t,
  tokens,
  issued
)

beforeAll(async () => {
  t = await createTestApp()
  await signInLinkUsers(t, tokens)
})
afterAll(async () => {
  await t.close()
})

describe('activity links (R93, L5)', () => {
  it('expires expiresInDays × 24 h after creation; the sweeper writes EXPIRED once', async () => {
    const link = await created({ tag: 'One Day Sale', expiresInDays: 1 })
    const start = t.clock.now()
    expect(link.expiresAt).toBe(new Date(start.getTime() + 86_400_000).toISOString())
    const ninety = await created({ tag: 'Quarter', expiresInDays: 90 })
    expect(ninety.expiresAt).toBe(new Date(start.getTime() + 90 * 86_400_000).toISOString())
    const pending = await insertPendingRegistration(t, link.id)
    const { url } = (await urlOf(link.id)).body

    // A day later, as far as the link is concerned (moving the clock would end the sessions).
    await passExpiry(link.id)
    // Effective at once, before any sweep (§12.3.1).
    const listed = (await list('?status=EXPIRED')).body.items.map((item) => item.id)
    expect(listed).toContain(link.id)
    expect(listed).not.toContain(ninety.id)
    const expired = { status: 410, code: 'OFFLINE_LINK_EXPIRED' }
    expect(errorOf(await switchLink(link.id, 'enable'))).toEqual(expired)
    expect(errorOf(await switchLink(link.id, 'disable'))).toEqual(expired)
    // Copy still works in any status (R97).
    expect((await urlOf(link.id)).body.url).toBe(url)

    const first = await sweepExpiredRecords(t.database.db, t.clock.now())
    const second = await sweepExpiredRecords(t.database.db, t.clock.now())
    expect(first.invitationLinksExpired).toBeGreaterThanOrEqual(1)
    expect(second.invitationLinksExpired).toBe(0)
    expect(await linkRow(t, link.id)).toMatchObject({ status: 'EXPIRED' })
    expect((await linkRow(t, ninety.id)).status).toBe('ACTIVE')
    // Voided by L5, then deleted as VOID by the sweeper's clean-up (R80).
    expect(['VOID', undefined]).toContain(await pendingStatus(t, pending))
    const events = (await auditEvents(t, 'invitation_link.expired')).filter(
      (event) => event.entity_id === link.id
    )
    expect(events).toHaveLength(1)
    expect(events[0]?.details).toMatchObject({ from: 'ACTIVE', to: 'EXPIRED' })
    // An expired link keeps its tag (R94).
    expect(errorOf(await create({ tag: 'one day sale' }))).toEqual({
      status: 409,
      code: 'LINK_TAG_TAKEN',
    })
    const item = (await list('?status=EXPIRED')).body.items.find((i) => i.id === link.id)
    expect(item?.actions).toEqual({
      copy: { allowed: true },
      disable: { allowed: false, code: 'OFFLINE_LINK_EXPIRED' },
      enable: { allowed: false, code: 'OFFLINE_LINK_EXPIRED' },
    })
  })

  it('expires a disabled activity link too, and enabling it then answers OFFLINE_LINK_EXPIRED', async () => {
    const link = await created({ tag: 'Flash', expiresInDays: 2 })
    const pending = await insertPendingRegistration(t, link.id)
    expect((await switchLink(link.id, 'disable')).status).toBe(200)
    expect(await pendingStatus(t, pending)).toBe('VOID')
    // Disabling voided it; make it pending again to see L5 void it too.
    await t.database.db
      .update(pendingLinkRegistrations)
      .set({ status: 'PENDING' })
      .where(eq(pendingLinkRegistrations.id, pending))
    await passExpiry(link.id)
    expect(errorOf(await switchLink(link.id, 'enable'))).toEqual({
      status: 410,
      code: 'OFFLINE_LINK_EXPIRED',
    })
    // Three sweepers at once: exactly one writes L5 (and its one event).
    const counts = await Promise.all(
      [1, 2, 3].map(() => expireInvitationLinks(t.database.db, t.clock.now()))
    )
    expect(counts.sort()).toEqual([0, 0, 1])
    expect((await linkRow(t, link.id)).status).toBe('EXPIRED')
    expect(await pendingStatus(t, pending)).toBe('VOID')
    const [event] = (await auditEvents(t, 'invitation_link.expired')).filter(
      (e) => e.entity_id === link.id
    )
    expect(event?.details).toMatchObject({ from: 'DISABLED' })
  })
})

describe('disable and enable (R96, L3, L4)', () => {
  it('disables and enables, idempotently, with one audit event per change', async () => {
    const link = await created({ tag: 'Switch' })
    const pending = await insertPendingRegistration(t, link.id)
    const disabled = await switchLink(link.id, 'disable', 'sales@acme.example')
    expect(disabled.status).toBe(200)
    expect(disabled.body).toMatchObject({
      id: link.id,
      status: 'DISABLED',
      actions: { disable: { allowed: false }, enable: { allowed: true } },
    })
    const row = await linkRow(t, link.id)
    expect(row.disabledAt).toEqual(t.clock.now())
    expect(row.disabledByUserId).not.toBeNull()
    expect(await pendingStatus(t, pending)).toBe('VOID')

    expect((await switchLink(link.id, 'disable')).body.status).toBe('DISABLED')
    const enabled = await switchLink(link.id, 'enable')
    expect([enabled.status, enabled.body.status]).toEqual([200, 'ACTIVE'])
    expect(await linkRow(t, link.id)).toMatchObject({ disabledAt: null, disabledByUserId: null })
    expect((await switchLink(link.id, 'enable')).body.status).toBe('ACTIVE')

    const count = async (action: string) =>
      (await auditEvents(t, action)).filter((event) => event.entity_id === link.id).length
    expect([
      await count('invitation_link.disabled'),
      await count('invitation_link.enabled'),
    ]).toEqual([1, 1])
    // The same code works again: the code hash and ciphertext never changed.
    expect((await linkRow(t, link.id)).codeHash).toBe(row.codeHash)
  })

  it('two concurrent disables write one change', async () => {
    const link = await created({ tag: 'Double' })
    const answers = await Promise.all([
      switchLink(link.id, 'disable'),
      switchLink(link.id, 'disable'),
    ])
    expect(answers.map((a) => [a.status, a.body.status])).toEqual([
      [200, 'DISABLED'],
      [200, 'DISABLED'],
    ])
    const events = (await auditEvents(t, 'invitation_link.disabled')).filter(
      (event) => event.entity_id === link.id
    )
    expect(events).toHaveLength(1)
  })

  it('refuses a general link with VALIDATION_FAILED on linkId, and unknown ids with NOT_FOUND', async () => {
    const general = await t.call<{ id: string; url: string }>('POST', `${LINKS}/general`, {
      token: token(),
    })
    issued.add(general.body.url)
    issued.add(codeOf(general.body.url))
    for (const change of ['disable', 'enable'] as const) {
      const answer = await switchLink(general.body.id, change)
      expect(errorOf(answer)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
      expect(answer.body.error?.details).toEqual({
        issues: [{ path: 'linkId', message: 'GENERAL_LINK' }],
      })
    }
    expect(errorOf(await urlOf(general.body.id))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    })
    for (const id of ['00000000-0000-4000-8000-000000000001', 'not-a-uuid']) {
      expect(errorOf(await switchLink(id, 'disable'))).toEqual({ status: 404, code: 'NOT_FOUND' })
      expect(errorOf(await urlOf(id))).toEqual({ status: 404, code: 'NOT_FOUND' })
    }
  })
})

describe('GET …/invitation-links/{id}/url (R97, R99)', () => {
  it('answers the link whose code hashes to the stored hash, never cached', async () => {
    const link = await created({ tag: 'Copy Me' })
    const answer = await urlOf(link.id)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const code = codeOf(answer.body.url)
    expect(sha256(code)).toBe((await linkRow(t, link.id)).codeHash)
    expect((await urlOf(link.id)).body.url).toBe(answer.body.url)
  })

  it('decrypts after a key rotation (DATA_ENCRYPTION_PREVIOUS_KEYS); new links use the new key', async () => {
    const { createKeyring, DEVELOPMENT_ONLY_DATA_KEY, decodeDataKey } =
      await import('../src/security/keyring')
    const link = await created({ tag: 'Before Rotation' })
    const general = await t.call<{ url: string }>('POST', `${LINKS}/general`, {
      token: token('sales@acme.example'),
    })
    const before = (await urlOf(link.id)).body.url
    const original = t.deps.keyring
    t.deps.keyring = createKeyring({
      current: { id: 'k2', secret: crypto.getRandomValues(new Uint8Array(32)) },
      previous: [
        { id: 'k1', secret: decodeDataKey(DEVELOPMENT_ONLY_DATA_KEY) ?? new Uint8Array() },
      ],
    })
    try {
      expect((await urlOf(link.id)).body.url).toBe(before)
      const again = await t.call<{ url: string }>('POST', `${LINKS}/general`, {
        token: token('sales@acme.example'),
      })
      expect(again.body.url).toBe(general.body.url)
      const after = await created({ tag: 'After Rotation' })
      expect((await linkRow(t, after.id)).keyId).toBe('k2')
      expect((await linkRow(t, after.id)).codeCiphertext.startsWith('k2:')).toBe(true)
      expect((await urlOf(after.id)).status).toBe(200)
    } finally {
      t.deps.keyring = original
    }
  })
})

describe('scope and permissions (R90, R2, R3)', () => {
  it('shows an account manager only their own links; other links do not exist for them', async () => {
    const own = await created({ tag: 'AM Own' }, 'am@acme.example')
    const others = await created({ tag: 'Admin Only' })
    const amTags = (await list('?pageSize=100', 'am@acme.example')).body.items.map((i) => i.tag)
    expect(amTags).toEqual(['AM Own'])
    const adminTags = (await list('?pageSize=100')).body.items.map((i) => i.tag)
    expect(adminTags).toContain('AM Own')
    expect(adminTags).toContain('Admin Only')

    const notFound = { status: 404, code: 'NOT_FOUND' }
    expect(errorOf(await switchLink(others.id, 'disable', 'am@acme.example'))).toEqual(notFound)
    expect(errorOf(await switchLink(others.id, 'enable', 'am@acme.example'))).toEqual(notFound)
    expect(errorOf(await urlOf(others.id, 'am@acme.example'))).toEqual(notFound)
    expect((await switchLink(own.id, 'disable', 'am@acme.example')).status).toBe(200)
    expect((await urlOf(own.id, 'am@acme.example')).status).toBe(200)
    // Admins and sales manage every link of the partner.
    expect((await switchLink(own.id, 'enable', 'sales@acme.example')).status).toBe(200)
  })

  it('answers NOT_FOUND for another partner’s link and changes nothing', async () => {
    const link = await created({ tag: 'Acme Secret' })
    for (const answer of [
      await switchLink(link.id, 'disable', 'admin@umbrella.example'),
      await switchLink(link.id, 'enable', 'admin@umbrella.example'),
      await urlOf(link.id, 'admin@umbrella.example'),
    ]) {
      expect(errorOf(answer)).toEqual({ status: 404, code: 'NOT_FOUND' })
    }
    expect((await linkRow(t, link.id)).status).toBe('ACTIVE')
    const umbrellaTags = (await list('?pageSize=100', 'admin@umbrella.example')).body.items
    expect(umbrellaTags.map((i) => i.tag)).not.toContain('Acme Secret')
  })

  it('lets a read-only user list with every action refused, and refuses every action', async () => {
    const link = await created({ tag: 'Viewer Sees' })
    const page = await list('?pageSize=100', 'viewer@acme.example')
    expect(page.status).toBe(200)
    const denied = { allowed: false, code: 'PERMISSION_DENIED' }
    expect(page.body.items.find((i) => i.id === link.id)?.actions).toEqual({
      copy: denied,
      disable: denied,
      enable: denied,
    })
    const forbidden = { status: 403, code: 'PERMISSION_DENIED' }
    const before = await t.countRows()
    expect(errorOf(await create({ tag: 'Nope' }, 'viewer@acme.example'))).toEqual(forbidden)
    expect(errorOf(await switchLink(link.id, 'disable', 'viewer@acme.example'))).toEqual(forbidden)
    expect(errorOf(await urlOf(link.id, 'viewer@acme.example'))).toEqual(forbidden)
    expect(await t.countRows()).toEqual(before)
  })

  it.each([
    ['manager@ecosystem.example', 403, 'PERMISSION_DENIED'],
    ['admin@initech.example', 403, 'CUSTOMER_DEVELOPMENT_NOT_ENABLED'],
  ])('refuses %s on every endpoint', async (email, status, code) => {
    const link = await created({ tag: `Guarded ${email.slice(0, 12)}` })
    for (const answer of [
      await list('', email),
      await create({ tag: 'X' }, email),
      await switchLink(link.id, 'disable', email),
      await urlOf(link.id, email),
      await t.call('GET', `${LINKS.replace('invitation-links', 'link-associations')}`, {
        token: token(email),
      }),
    ]) {
      expect(errorOf(answer)).toEqual({ status, code })
    }
  })

  it('answers 401 without a session', async () => {
    expect(errorOf(await t.call('GET', LINKS))).toEqual({ status: 401, code: 'NOT_AUTHENTICATED' })
    expect(errorOf(await t.call('POST', LINKS, { body: { tag: 'x' } }))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
  })

  it('states the link limits in GET /me (R93, R94)', async () => {
    const me = await t.call<{ limits: Record<string, number> }>('GET', '/api/v1/me', {
      token: token(),
    })
    expect(me.body.limits).toMatchObject({ linkTagMax: 32, activityLinkMaxDays: 90 })
  })
})

describe('secrecy of link codes (R99, R120)', () => {
  it('never writes an issued code or link to a log line or an audit event', async () => {
    expect(issued.size).toBeGreaterThan(4)
    expect(leakedSecrets(t, [...issued])).toEqual([])
    const audits = JSON.stringify(
      await Promise.all(
        ['created', 'reset', 'disabled', 'enabled', 'expired'].map((action) =>
          auditEvents(t, `invitation_link.${action}`)
        )
      )
    )
    expect(audits.length).toBeGreaterThan(1000)
    for (const secret of issued) expect(audits).not.toContain(secret)
    expect(audits).not.toContain('join#')
  })
})

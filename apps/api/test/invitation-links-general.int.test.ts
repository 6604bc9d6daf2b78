import { invitationLinks, pendingLinkRegistrations } from '@partner-center/db/schema'
import { offlineLinkAnswer } from '@partner-center/domain'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, leakedSecrets, signInAll, type TestApp } from './helpers'
import {
  codeOf,
  insertPendingRegistration,
  linkCount,
  linkRow,
  LINKS,
  pendingStatus,
  sha256,
  type GeneralLinkBody,
} from './invitation-link-fixtures'
import { createTestApp } from './test-app'

// The general invitation link (domain.md R91, R92, L1, L6, R113): get or create, concurrency,
// reset and the old code stopping at once.

let t: TestApp
let tokens: Record<string, string> = {}
const GENERAL = `${LINKS}/general`
const RESET = `${LINKS}/general/reset`

beforeAll(async () => {
  t = await createTestApp()
  tokens = await signInAll(t, [
    'admin@acme.example',
    'sales@acme.example',
    'am@acme.example',
    'viewer@acme.example',
    'admin@globex.example',
    'admin@initech.example',
    'admin@umbrella.example',
    'manager@ecosystem.example',
  ])
})
afterAll(async () => {
  await t.close()
})

const token = (email: string) => tokens[email] ?? ''
const general = (email: string) => t.call<GeneralLinkBody>('POST', GENERAL, { token: token(email) })
const reset = (email: string) => t.call<GeneralLinkBody>('POST', RESET, { token: token(email) })

/** Every ACTIVE general link of a user. */
async function activeGeneralLinks(userId: string) {
  return t.database.db
    .select()
    .from(invitationLinks)
    .where(
      and(
        eq(invitationLinks.ownerUserId, userId),
        eq(invitationLinks.kind, 'GENERAL'),
        eq(invitationLinks.status, 'ACTIVE')
      )
    )
}

/** What opening a link by its code answers now (R100), read as the public endpoints read it. */
async function answerOf(code: string) {
  const [link] = await t.database.db
    .select()
    .from(invitationLinks)
    .where(eq(invitationLinks.codeHash, sha256(code)))
  const answer = offlineLinkAnswer({
    link: link ?? null,
    owner: { disabled: false, canInvite: true },
    now: t.clock.now(),
  })
  return answer.ok ? 'ACTIVE' : answer.error.code
}

describe('POST …/invitation-links/general (R91, L1)', () => {
  it('creates the caller’s link on the first call (201) and answers the same one afterwards (200)', async () => {
    const first = await general('sales@acme.example')
    expect(first.status).toBe(201)
    expect(first.headers.get('cache-control')).toBe('no-store')
    expect(first.body).toMatchObject({
      tag: 'sales@acme.example',
      associationType: 'reseller',
      createdAt: t.clock.now().toISOString(),
      registrationCount: 0,
      associationCount: 0,
    })
    const code = codeOf(first.body.url)
    const second = await general('sales@acme.example')
    expect(second.status).toBe(200)
    expect(second.body).toEqual(first.body)

    const row = await linkRow(t, first.body.id)
    expect(row).toMatchObject({
      kind: 'GENERAL',
      status: 'ACTIVE',
      tagKey: 'sales@acme.example',
      expiresAt: null,
      codeHash: sha256(code),
      keyId: 'k1',
    })
    expect(row.ownerUserId).toBe(row.createdByUserId)
    // Stored only as a hash and a ciphertext (R99).
    expect(row.codeCiphertext).not.toContain(code)
    expect(row.codeCiphertext.startsWith('k1:')).toBe(true)

    const created = (await auditEvents(t, 'invitation_link.created')).filter(
      (event) => event.entity_id === first.body.id
    )
    expect(created).toHaveLength(1)
    expect(created[0]?.details).toMatchObject({ kind: 'GENERAL', tag: 'sales@acme.example' })
    expect(JSON.stringify(created)).not.toContain(code)
    expect(await answerOf(code)).toBe('ACTIVE')
  })

  it('uses referral for a prepaid partner with referral, and refuses a partner with no type', async () => {
    const fixture = await t.createPartner({ isPrepaid: true, referralModelEnabled: true })
    const admin = fixture.users[0]?.email ?? ''
    tokens[admin] = await t.signIn(admin)
    const answer = await general(admin)
    expect([answer.status, answer.body.associationType]).toEqual([201, 'referral'])

    const before = await linkCount(t)
    expect(errorOf(await general('admin@globex.example'))).toEqual({
      status: 403,
      code: 'PREPAID_PARTNER_RESELLER',
    })
    expect(await linkCount(t)).toBe(before)
  })

  it('creates one link for 10 concurrent first views (the loser reads the winner)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => general('admin@umbrella.example'))
    )
    expect(answers.map((a) => a.status).sort()).toEqual([...Array<number>(9).fill(200), 201])
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    expect(new Set(answers.map((a) => a.body.url)).size).toBe(1)
    const [link] = await t.database.db
      .select()
      .from(invitationLinks)
      .where(eq(invitationLinks.id, answers[0]?.body.id ?? ''))
    expect(await activeGeneralLinks(link?.ownerUserId ?? '')).toHaveLength(1)
    const created = (await auditEvents(t, 'invitation_link.created')).filter(
      (event) => event.entity_id === link?.id
    )
    expect(created).toHaveLength(1)
  })

  it.each([
    ['viewer@acme.example', 403, 'PERMISSION_DENIED'],
    ['manager@ecosystem.example', 403, 'PERMISSION_DENIED'],
    ['admin@initech.example', 403, 'CUSTOMER_DEVELOPMENT_NOT_ENABLED'],
  ])('refuses %s with %i %s and creates nothing', async (email, status, code) => {
    const before = await linkCount(t)
    expect(errorOf(await general(email))).toEqual({ status, code })
    expect(errorOf(await reset(email))).toEqual({ status, code })
    expect(await linkCount(t)).toBe(before)
  })

  it('answers 401 without a session', async () => {
    expect(errorOf(await t.call('POST', GENERAL))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
  })
})

describe('POST …/invitation-links/general/reset (R92, L6)', () => {
  it('answers LINK_NOT_FOUND when the caller has no general link yet, and creates none', async () => {
    const before = await linkCount(t)
    expect(errorOf(await reset('am@acme.example'))).toEqual({ status: 404, code: 'LINK_NOT_FOUND' })
    expect(await linkCount(t)).toBe(before)
  })

  it('replaces the link in one transaction: the old code stops at once, the new one works', async () => {
    const old = (await general('admin@acme.example')).body
    const oldCode = codeOf(old.url)
    const pending = await insertPendingRegistration(t, old.id)
    t.clock.current = new Date(t.clock.current.getTime() + 60_000)

    const answer = await reset('admin@acme.example')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const fresh = answer.body
    const newCode = codeOf(fresh.url)
    expect(fresh.id).not.toBe(old.id)
    expect(newCode).not.toBe(oldCode)
    expect(fresh).toMatchObject({ tag: old.tag, associationType: old.associationType })

    expect(await answerOf(oldCode)).toBe('OFFLINE_LINK_RESET')
    expect(await answerOf(newCode)).toBe('ACTIVE')
    expect(await linkRow(t, old.id)).toMatchObject({
      status: 'RESET',
      resetAt: t.clock.now(),
      replacedById: fresh.id,
    })
    expect(await pendingStatus(t, pending)).toBe('VOID')
    // The general link answer now carries the new link.
    expect((await general('admin@acme.example')).body).toEqual(fresh)

    const resetEvents = (await auditEvents(t, 'invitation_link.reset')).filter(
      (event) => event.entity_id === old.id
    )
    expect(resetEvents).toHaveLength(1)
    expect(resetEvents[0]?.details).toMatchObject({ replacedById: fresh.id })
    const createdEvents = (await auditEvents(t, 'invitation_link.created')).filter(
      (event) => event.entity_id === fresh.id
    )
    expect(createdEvents).toHaveLength(1)
    const audits = JSON.stringify(await auditEvents(t, 'invitation_link.reset'))
    expect(audits).not.toContain(oldCode)
    expect(audits).not.toContain(newCode)
  })

  it('races with registrations and acceptances: each counts for the old link or sees RESET', async () => {
    const old = (await general('admin@acme.example')).body
    const oldHash = sha256(codeOf(old.url))
    // A code request as R101 writes it: under FOR SHARE on the link found by its code, a pending
    // registration only while the link is ACTIVE (else OFFLINE_LINK_RESET, nothing written).
    const requestCode = async () =>
      t.database.db.transaction(async (tx) => {
        const [link] = await tx
          .select()
          .from(invitationLinks)
          .where(eq(invitationLinks.codeHash, oldHash))
          .for('share')
        if (link?.status !== 'ACTIVE') return 'OFFLINE_LINK_RESET'
        await tx.insert(pendingLinkRegistrations).values({
          purpose: 'REGISTER',
          linkId: link.id,
          emailCanonical: `race.${crypto.randomUUID().slice(0, 8)}@customer.example`,
          displayName: 'Race',
          passwordHash: 'scrypt$placeholder',
          locale: 'en',
          createdAt: t.clock.now(),
          expiresAt: new Date(t.clock.now().getTime() + 600_000),
        })
        return 'PENDING'
      })
    // An acceptance's counter as R108 writes it: a conditional update on the ACTIVE link.
    const accept = async () => {
      const rows = await t.database.db
        .update(invitationLinks)
        .set({ associationCount: sql`${invitationLinks.associationCount} + 1` })
        .where(and(eq(invitationLinks.codeHash, oldHash), eq(invitationLinks.status, 'ACTIVE')))
        .returning({ id: invitationLinks.id })
      return rows.length === 1 ? 'ASSOCIATED' : 'OFFLINE_LINK_RESET'
    }
    const codeRequests = Array.from({ length: 6 }, () => requestCode())
    const accepts = Array.from({ length: 6 }, () => accept())
    const resetAnswer = reset('admin@acme.example')
    const views = Array.from({ length: 4 }, () => general('admin@acme.example'))
    const [requested, accepted, answer] = await Promise.all([
      Promise.all(codeRequests),
      Promise.all(accepts),
      resetAnswer,
    ])
    expect(answer.status).toBe(200)
    for (const view of await Promise.all(views)) {
      expect(view.status).toBe(200)
      expect([old.id, answer.body.id]).toContain(view.body.id)
    }

    // Every request that committed before the reset counts for the old link, and the reset
    // voided every pending registration it left; nothing references the new link.
    const associated = accepted.filter((outcome) => outcome === 'ASSOCIATED').length
    expect((await linkRow(t, old.id)).associationCount).toBe(associated)
    expect((await linkRow(t, answer.body.id)).associationCount).toBe(0)
    const pendingOfOld = await t.database.db
      .select({ status: pendingLinkRegistrations.status })
      .from(pendingLinkRegistrations)
      .where(eq(pendingLinkRegistrations.linkId, old.id))
    expect(pendingOfOld).toHaveLength(requested.filter((o) => o === 'PENDING').length)
    expect(pendingOfOld.every((row) => row.status === 'VOID')).toBe(true)
    const pendingOfNew = await t.database.db
      .select()
      .from(pendingLinkRegistrations)
      .where(eq(pendingLinkRegistrations.linkId, answer.body.id))
    expect(pendingOfNew).toHaveLength(0)
    expect([await requestCode(), await accept()]).toEqual([
      'OFFLINE_LINK_RESET',
      'OFFLINE_LINK_RESET',
    ])
    const owner = (await linkRow(t, old.id)).ownerUserId ?? ''
    expect(await activeGeneralLinks(owner)).toHaveLength(1)
  })
})

describe('secrecy of the general link (R99, R120)', () => {
  it('never writes a general link’s code or URL to a log line or an audit event', async () => {
    const links = [
      (await general('sales@acme.example')).body.url,
      (await general('admin@acme.example')).body.url,
      (await reset('admin@acme.example')).body.url,
    ]
    const secrets = [...links, ...links.map(codeOf)]
    expect(leakedSecrets(t, secrets)).toEqual([])
    const audits = JSON.stringify(
      await Promise.all(
        ['created', 'reset'].map((action) => auditEvents(t, `invitation_link.${action}`))
      )
    )
    for (const secret of secrets) expect(audits).not.toContain(secret)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, errorOf, type TestApp } from './helpers'
import { linkCount, linkRow, LINKS } from './invitation-link-fixtures'
import { customLinkSteps, signInLinkUsers } from './support/custom-links-world'
import { createTestApp } from './test-app'

// Custom invitation links (domain.md R93–R97, L2–L5): create, tag rules and types, and the
// paged, filtered list. No test here copies a URL: the secrecy check of issued codes lives with
// the tests that do (invitation-links-custom-manage).

let t: TestApp
const tokens: Record<string, string> = {}
const issued = new Set<string>()
const { token, create, switchLink, list, created } = customLinkSteps(() => t, tokens, issued)

beforeAll(async () => {
  t = await createTestApp()
  await signInLinkUsers(t, tokens)
})
afterAll(async () => {
  await t.close()
})

describe('POST …/invitation-links (R93, L2)', () => {
  it('creates an active reseller link that never expires, answered as listed without a URL', async () => {
    const answer = await create({ tag: '  Spring Fair  ' })
    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      id: expect.any(String) as string,
      tag: 'Spring Fair',
      associationType: 'reseller',
      createdBy: { id: expect.any(String) as string, displayName: expect.any(String) as string },
      createdAt: t.clock.now().toISOString(),
      expiresAt: null,
      registrationCount: 0,
      associationCount: 0,
      status: 'ACTIVE',
      actions: { copy: { allowed: true }, disable: { allowed: true }, enable: { allowed: false } },
    })
    expect(answer.text).not.toMatch(/join#/)
    const row = await linkRow(t, answer.body.id)
    expect(row).toMatchObject({ kind: 'CUSTOM', tagKey: 'spring fair', ownerUserId: null })
    const events = (await auditEvents(t, 'invitation_link.created')).filter(
      (event) => event.entity_id === answer.body.id
    )
    expect(events).toHaveLength(1)
    expect(events[0]?.details).toMatchObject({ kind: 'CUSTOM', tag: 'Spring Fair' })
  })

  it('accepts 32 code points of any script, and a referral link where referral is enabled', async () => {
    const tag = '北'.repeat(32)
    expect((await create({ tag })).status).toBe(201)
    const referral = await create({ tag: 'Referral Day', associationType: 'referral' })
    expect([referral.status, referral.body.associationType]).toEqual([201, 'referral'])
  })

  it.each([
    ['', 'LINK_TAG_INVALID'],
    ['   ', 'LINK_TAG_INVALID'],
    ['x'.repeat(33), 'LINK_TAG_INVALID'],
    ['Zero\u200bWidth', 'LINK_TAG_INVALID'],
    ['Line\nBreak', 'VALIDATION_FAILED'],
  ])('refuses the tag %j with %s and writes nothing', async (tag, code) => {
    const [links, rows] = [await linkCount(t), await t.countRows()]
    expect(errorOf(await create({ tag }))).toEqual({ status: 400, code })
    expect([await linkCount(t), await t.countRows()]).toEqual([links, rows])
  })

  it.each([
    [{ tag: 'a', expiresInDays: 0 }],
    [{ tag: 'a', expiresInDays: 91 }],
    [{ tag: 'a', expiresInDays: 1.5 }],
    [{ tag: 'a', expiresInDays: '3' }],
    [{ tag: 'a', associationType: 'agency' }],
    [{ tag: 'a', extra: true }],
    [{}],
  ])('refuses the body %j with VALIDATION_FAILED', async (body) => {
    const before = await linkCount(t)
    expect(errorOf(await create(body))).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    expect(await linkCount(t)).toBe(before)
  })

  it('refuses a taken tag after NFKC and case folding, and account names of the partner', async () => {
    await created({ tag: 'Autumn Fair' })
    for (const tag of ['Autumn Fair', 'AUTUMN FAIR', ' autumn fair ', 'ＡＵＴＵＭＮ ＦＡＩＲ']) {
      expect(errorOf(await create({ tag }))).toEqual({ status: 409, code: 'LINK_TAG_TAKEN' })
    }
    // R94: the users' account names share the namespace, with or without a general link.
    for (const tag of ['viewer@acme.example', 'ADMIN@ACME.EXAMPLE', 'ａｄｍｉｎ@acme.example']) {
      expect(errorOf(await create({ tag }))).toEqual({ status: 409, code: 'LINK_TAG_TAKEN' })
    }
    // One namespace per partner: another partner may use the same tag.
    expect((await create({ tag: 'Autumn Fair' }, 'admin@umbrella.example')).status).toBe(201)
  })

  it('creates one link when 6 requests create the same tag at once', async () => {
    const answers = await Promise.all(
      [
        'Winter Fair',
        'WINTER FAIR',
        'winter fair',
        'Winter Fair',
        'ｗｉｎｔｅｒ ｆａｉｒ',
        'Winter Fair',
      ].map((tag) => create({ tag }))
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409])
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(errorOf(answer).code).toBe('LINK_TAG_TAKEN')
    }
  })

  it('checks in R93’s order: tag, referral, prepaid, taken', async () => {
    // Umbrella: referral off. Globex: prepaid, referral off.
    const umbrella = 'admin@umbrella.example'
    const globex = 'admin@globex.example'
    expect(errorOf(await create({ tag: '', associationType: 'referral' }, umbrella))).toEqual({
      status: 400,
      code: 'LINK_TAG_INVALID',
    })
    expect(errorOf(await create({ tag: 'Promo', associationType: 'referral' }, umbrella))).toEqual({
      status: 403,
      code: 'REFERRAL_NOT_ENABLED',
    })
    expect(errorOf(await create({ tag: 'Promo' }, globex))).toEqual({
      status: 403,
      code: 'PREPAID_PARTNER_RESELLER',
    })
    expect(errorOf(await create({ tag: 'Promo', associationType: 'referral' }, globex))).toEqual({
      status: 403,
      code: 'REFERRAL_NOT_ENABLED',
    })
    // The type refusal comes before the namespace: an account name with a bad type.
    expect(
      errorOf(
        await create({ tag: 'admin@umbrella.example', associationType: 'referral' }, umbrella)
      )
    ).toEqual({ status: 403, code: 'REFERRAL_NOT_ENABLED' })
  })
})

describe('GET …/invitation-links (R95)', () => {
  it('pages the partner’s custom links newest first, without general links or URLs', async () => {
    const fixture = await t.createPartner({ users: [{ role: 'admin' }, { role: 'sales' }] })
    const admin = fixture.users[0]?.email ?? ''
    tokens[admin] = await t.signIn(admin)
    const start = t.clock.now()
    try {
      for (let n = 0; n < 25; n++) {
        t.clock.current = new Date(start.getTime() + n * 1000)
        await created({ tag: `Event ${String(n).padStart(2, '0')}` }, admin)
      }
      await t.call('POST', `${LINKS}/general`, { token: token(admin) })
    } finally {
      t.clock.current = start
    }
    const first = await list('?pageSize=10', admin)
    expect(first.body).toMatchObject({ total: 25, page: 1, pageSize: 10 })
    expect(first.body.items.map((item) => item.tag)).toEqual(
      Array.from({ length: 10 }, (_, n) => `Event ${String(24 - n).padStart(2, '0')}`)
    )
    const third = await list('?pageSize=10&page=3', admin)
    expect(third.body.items.map((item) => item.tag)).toEqual(
      ['04', '03', '02', '01', '00'].map((n) => `Event ${n}`)
    )
    expect(first.text).not.toMatch(/join#|url/)
    expect((await list('', admin)).body.pageSize).toBe(20)
  })

  it('filters by effective status and searches a substring of the tag key after NFKC', async () => {
    const fixture = await t.createPartner()
    const admin = fixture.users[0]?.email ?? ''
    tokens[admin] = await t.signIn(admin)
    const spring = await created({ tag: 'Spring Expo 2026' }, admin)
    const summer = await created({ tag: 'Summer Expo' }, admin)
    await created({ tag: '北京展会' }, admin)
    await switchLink(summer.id, 'disable', admin)
    const tags = async (query: string) =>
      (await list(query, admin)).body.items.map((item) => item.tag).sort()
    expect(await tags('?status=DISABLED')).toEqual(['Summer Expo'])
    expect(await tags('?status=ACTIVE,DISABLED')).toEqual([
      'Spring Expo 2026',
      'Summer Expo',
      '北京展会',
    ])
    expect(await tags('?q=EXPO')).toEqual(['Spring Expo 2026', 'Summer Expo'])
    expect(await tags('?q=ｓｐｒｉｎｇ')).toEqual(['Spring Expo 2026'])
    expect(await tags('?q=北京')).toEqual(['北京展会'])
    expect(await tags('?q=expo&status=ACTIVE')).toEqual(['Spring Expo 2026'])
    expect(await tags('?q=%25')).toEqual([])
    expect((await list('?q=expo', admin)).body.total).toBe(2)
    expect(spring.id).toBeTruthy()
    for (const query of [
      '?q=',
      '?q=%20%20',
      `?q=${'x'.repeat(33)}`,
      '?status=LIVE',
      '?pageSize=101',
    ]) {
      expect(errorOf(await list(query, admin))).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
    }
  })
})

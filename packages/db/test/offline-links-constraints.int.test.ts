import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getUniqueViolation } from '../src/index'
import {
  invitationLinks,
  invitations,
  pendingLinkRegistrations,
  UNIQUE_CONSTRAINTS,
  type NewInvitationLinkRow,
} from '../src/schema/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import {
  insertCustomerAccount,
  insertPartner,
  insertPreregistrationWithBatch,
  invitationRow,
  NOW,
  rejectionOf,
  unique,
} from './fixtures'

// The database guards of issue 20 (domain.md §12.2): what holds even if a writer is wrong.

let testDb: TestDatabase
let owner: { partnerId: string; userId: string }

beforeAll(async () => {
  testDb = await createTestDatabase()
  owner = await insertPartner(testDb.db)
})
afterAll(() => testDb.close())

function linkRow(overrides: Partial<NewInvitationLinkRow> = {}): NewInvitationLinkRow & {
  id: string
} {
  const tag = unique('tag')
  return {
    id: randomUUID(),
    partnerId: owner.partnerId,
    kind: 'CUSTOM',
    tag,
    tagKey: tag.toLowerCase(),
    associationType: 'reseller',
    status: 'ACTIVE',
    codeHash: unique('hash'),
    codeCiphertext: 'ciphertext',
    keyId: 'k1',
    createdByUserId: owner.userId,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  }
}

function checkViolation(error: unknown): string | undefined {
  const cause = (error as { cause?: { constraint_name?: string } }).cause
  return cause?.constraint_name ?? (error as { constraint_name?: string }).constraint_name
}

describe('invitation links', () => {
  it('refuses a second link of the partner with the same tag key until the first is RESET', async () => {
    const { db } = testDb
    const first = linkRow()
    await db.insert(invitationLinks).values(first)
    const again = linkRow({ tag: first.tag, tagKey: first.tagKey })
    const error = await rejectionOf(db.insert(invitationLinks).values(again))
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.invitationLinkTagKey)

    await db
      .update(invitationLinks)
      .set({ status: 'RESET' })
      .where(eq(invitationLinks.id, first.id))
    await db.insert(invitationLinks).values(again)
    const [stored] = await db
      .select({ tag: invitationLinks.tag })
      .from(invitationLinks)
      .where(eq(invitationLinks.id, again.id))
    expect(stored?.tag).toBe(first.tag)
  })

  it('allows the same tag key at another partner', async () => {
    const { db } = testDb
    const other = await insertPartner(db)
    const mine = linkRow()
    await db.insert(invitationLinks).values(mine)
    await db.insert(invitationLinks).values(
      linkRow({
        partnerId: other.partnerId,
        createdByUserId: other.userId,
        tag: mine.tag,
        tagKey: mine.tagKey,
      })
    )
    const rows = await db
      .select({ id: invitationLinks.id })
      .from(invitationLinks)
      .where(eq(invitationLinks.tagKey, mine.tagKey))
    expect(rows).toHaveLength(2)
  })

  it('keeps one ACTIVE general link per user, and a general link needs its owner', async () => {
    const { db } = testDb
    const general = (tag: string) =>
      linkRow({ kind: 'GENERAL', ownerUserId: owner.userId, tag, tagKey: tag })
    const first = general(unique('general'))
    await db.insert(invitationLinks).values(first)
    const second = await rejectionOf(db.insert(invitationLinks).values(general(unique('g2'))))
    expect(getUniqueViolation(second)).toBe(UNIQUE_CONSTRAINTS.oneActiveGeneralLinkPerUser)

    const ownerless = await rejectionOf(
      db.insert(invitationLinks).values(linkRow({ kind: 'GENERAL' }))
    )
    expect(checkViolation(ownerless)).toBe('invitation_links_owner_check')
  })

  it('refuses a code hash used by another link', async () => {
    const { db } = testDb
    const first = linkRow()
    await db.insert(invitationLinks).values(first)
    const error = await rejectionOf(
      db.insert(invitationLinks).values(linkRow({ codeHash: first.codeHash }))
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.invitationLinkCodeHash)
  })
})

describe('invitation rows by channel', () => {
  it('requires a pre-registration, a batch and a Message-ID of an email invitation', async () => {
    const { db } = testDb
    const target = await insertPreregistrationWithBatch(db, owner)
    const error = await rejectionOf(
      db.insert(invitations).values(invitationRow(owner, target, { messageId: null }))
    )
    expect(checkViolation(error)).toBe('invitations_channel_fields_check')
  })

  it('takes a link row without batch or pre-registration, and refuses one without its link', async () => {
    const { db } = testDb
    const link = linkRow()
    await db.insert(invitationLinks).values(link)
    const target = await insertPreregistrationWithBatch(db, owner)
    const linkInvitation = {
      ...invitationRow(owner, target, { status: 'ACCEPTED' }),
      channel: 'custom_link' as const,
      preregistrationId: null,
      batchId: null,
      messageId: null,
      linkId: link.id,
      linkTag: link.tag,
    }
    await db.insert(invitations).values(linkInvitation)
    const [stored] = await db
      .select({ channel: invitations.channel })
      .from(invitations)
      .where(eq(invitations.id, linkInvitation.id))
    expect(stored?.channel).toBe('custom_link')

    const withoutLink = { ...linkInvitation, id: randomUUID(), linkId: null }
    const error = await rejectionOf(db.insert(invitations).values(withoutLink))
    expect(checkViolation(error)).toBe('invitations_channel_fields_check')
  })
})

describe('pending link registrations', () => {
  it('keeps the account data of a registration and the account of a verification apart', async () => {
    const { db } = testDb
    const link = linkRow()
    await db.insert(invitationLinks).values(link)
    const base = {
      linkId: link.id,
      emailCanonical: `${unique('p')}@example.com`,
      locale: 'en' as const,
      createdAt: NOW,
      expiresAt: new Date(NOW.getTime() + 600_000),
    }
    await db
      .insert(pendingLinkRegistrations)
      .values({ ...base, purpose: 'REGISTER', displayName: 'A', passwordHash: 'scrypt$x' })
    // Two pending rows of one address: it blocks nothing (R101).
    await db
      .insert(pendingLinkRegistrations)
      .values({ ...base, purpose: 'REGISTER', displayName: 'B', passwordHash: 'scrypt$y' })

    const registerWithoutPassword = await rejectionOf(
      db.insert(pendingLinkRegistrations).values({ ...base, purpose: 'REGISTER', displayName: 'C' })
    )
    expect(checkViolation(registerWithoutPassword)).toBe(
      'pending_link_registrations_purpose_fields_check'
    )
    const verifyWithoutAccount = await rejectionOf(
      db.insert(pendingLinkRegistrations).values({ ...base, purpose: 'VERIFY' })
    )
    expect(checkViolation(verifyWithoutAccount)).toBe(
      'pending_link_registrations_purpose_fields_check'
    )
    const account = await insertCustomerAccount(db)
    await db
      .insert(pendingLinkRegistrations)
      .values({ ...base, purpose: 'VERIFY', customerAccountId: account.id })
    const rows = await db
      .select({ purpose: pendingLinkRegistrations.purpose })
      .from(pendingLinkRegistrations)
      .where(eq(pendingLinkRegistrations.emailCanonical, base.emailCanonical))
    expect(rows.map((row) => row.purpose).sort()).toEqual(['REGISTER', 'REGISTER', 'VERIFY'])
  })
})

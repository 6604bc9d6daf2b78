import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getUniqueViolation } from '../src/index'
import {
  accessTokens,
  associations,
  customerAccounts,
  idempotencyKeys,
  invitations,
  invitationTokens,
  outbox,
  preRegistrations,
  rateLimitCounters,
  UNIQUE_CONSTRAINTS,
  users,
  type NewAssociationRow,
} from '../src/schema/index'
import { createTestDatabase, type TestDatabase } from '../src/testing/index'
import {
  insertCustomerAccount,
  insertPartner,
  insertPreregistrationWithBatch,
  invitationRow,
  NOW,
  preregistrationRow,
  rejectionOf,
  unique,
} from './fixtures'

let testDb: TestDatabase
let owner: { partnerId: string; userId: string }
let other: { partnerId: string; userId: string }

beforeAll(async () => {
  testDb = await createTestDatabase()
  owner = await insertPartner(testDb.db)
  other = await insertPartner(testDb.db)
})
afterAll(() => testDb.close())

function associationRow(customerAccountId: string, partnerId: string): NewAssociationRow {
  return {
    id: randomUUID(),
    partnerId,
    customerAccountId,
    type: 'referral',
    payer: 'PLATFORM',
    status: 'ACTIVE',
    origin: 'EMAIL_INVITATION',
    associatedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
  }
}

describe('named invariant constraints', () => {
  it('allows one ACTIVE association per customer account and names the constraint', async () => {
    const { db } = testDb
    const account = await insertCustomerAccount(db)
    await db
      .insert(associations)
      .values({ ...associationRow(account.id, owner.partnerId), status: 'ENDED' })
    await db.insert(associations).values(associationRow(account.id, owner.partnerId))
    const error = await rejectionOf(
      db.insert(associations).values(associationRow(account.id, other.partnerId))
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.oneActiveAssociationPerCustomer)
  })

  it('allows one live invitation per pre-registration but any number of finished ones', async () => {
    const { db } = testDb
    const target = await insertPreregistrationWithBatch(db, owner)
    await db.insert(invitations).values(invitationRow(owner, target, { status: 'SUPERSEDED' }))
    await db.insert(invitations).values(invitationRow(owner, target, { status: 'EXPIRED' }))
    await db.insert(invitations).values(invitationRow(owner, target, { status: 'SENT' }))
    for (const status of ['QUEUED', 'SEND_FAILED'] as const) {
      const error = await rejectionOf(
        db.insert(invitations).values(invitationRow(owner, target, { status }))
      )
      expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.oneLiveInvitationPerPreregistration)
    }
  })

  it('lets a holding pre-registration lock its canonical email across partners', async () => {
    const { db } = testDb
    const held = preregistrationRow(owner, {
      status: 'PENDING_REVIEW',
      validFrom: null,
      validUntil: null,
    })
    await db.insert(preRegistrations).values(held)
    // Rows that no longer hold the identity never clash (R28, R30, R34).
    for (const status of ['EXPIRED', 'REJECTED', 'DELETED', 'NOT_PREREGISTERED'] as const) {
      await db.insert(preRegistrations).values(
        preregistrationRow(other, {
          email: held.email,
          emailCanonical: held.emailCanonical,
          status,
        })
      )
    }
    const error = await rejectionOf(
      db
        .insert(preRegistrations)
        .values(
          preregistrationRow(other, { email: held.email, emailCanonical: held.emailCanonical })
        )
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.holdingPreregistrationEmail)
  })

  it('lets a holding pre-registration lock its mobile number', async () => {
    const { db } = testDb
    const mobile = `+86138${String(Date.now()).slice(-8)}`
    await db.insert(preRegistrations).values(preregistrationRow(owner, { mobileE164: mobile }))
    const error = await rejectionOf(
      db.insert(preRegistrations).values(preregistrationRow(other, { mobileE164: mobile }))
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.holdingPreregistrationMobile)
  })

  it('lets a holding pre-registration lock its customer account', async () => {
    const { db } = testDb
    const account = await insertCustomerAccount(db)
    await db
      .insert(preRegistrations)
      .values(preregistrationRow(owner, { customerAccountId: account.id }))
    const error = await rejectionOf(
      db
        .insert(preRegistrations)
        .values(preregistrationRow(other, { customerAccountId: account.id }))
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.holdingPreregistrationAccount)
  })

  it('keeps one idempotency record per partner, user and key', async () => {
    const { db } = testDb
    const row = { ...owner, key: unique('key'), requestHash: 'h', createdAt: NOW, expiresAt: NOW }
    await db.insert(idempotencyKeys).values(row)
    const error = await rejectionOf(
      db.insert(idempotencyKeys).values({ ...row, requestHash: 'other' })
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.idempotencyKey)
  })

  it('refuses an idempotency record with a status but no body', async () => {
    const row = {
      ...owner,
      key: unique('key'),
      requestHash: 'h',
      responseStatus: 202,
      createdAt: NOW,
      expiresAt: NOW,
    }
    const error = await rejectionOf(testDb.db.insert(idempotencyKeys).values(row))
    expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(
      /idempotency_keys_response_check/
    )
  })

  it('keeps invitation token hashes unique', async () => {
    const { db } = testDb
    const target = await insertPreregistrationWithBatch(db, owner)
    const invitation = invitationRow(owner, target)
    await db.insert(invitations).values(invitation)
    const token = { invitationId: invitation.id, tokenHash: unique('hash'), issuedAt: NOW }
    await db.insert(invitationTokens).values(token)
    const error = await rejectionOf(db.insert(invitationTokens).values(token))
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.invitationTokenHash)
  })

  it('keeps access token hashes unique', async () => {
    const { db } = testDb
    const token = {
      tokenHash: unique('access'),
      principalKind: 'user' as const,
      userId: owner.userId,
      createdAt: NOW,
      lastUsedAt: NOW,
      expiresAt: NOW,
      maxExpiresAt: NOW,
    }
    await db.insert(accessTokens).values(token)
    const error = await rejectionOf(db.insert(accessTokens).values(token))
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.accessTokenHash)
  })

  it('keeps one outbox message per dedupe key', async () => {
    const { db } = testDb
    const message = {
      kind: 'INVITATION_EMAIL' as const,
      aggregateId: randomUUID(),
      dedupeKey: unique('invitation'),
      runAfter: NOW,
      createdAt: NOW,
    }
    await db.insert(outbox).values(message)
    const error = await rejectionOf(db.insert(outbox).values(message))
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.outboxDedupeKey)
  })

  it('keeps canonical user emails unique across partners', async () => {
    const { db } = testDb
    const email = `${unique('user')}@partner.test`
    const user = {
      email,
      emailCanonical: email,
      displayName: 'U',
      role: 'sales' as const,
      passwordHash: 'x',
      createdAt: NOW,
      updatedAt: NOW,
    }
    await db.insert(users).values({ ...user, partnerId: owner.partnerId })
    const error = await rejectionOf(
      db.insert(users).values({ ...user, partnerId: other.partnerId })
    )
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.userEmail)
  })

  it('keeps canonical customer emails and mobile numbers unique', async () => {
    const { db } = testDb
    const mobile = `+1415${String(Date.now()).slice(-7)}`
    const first = await insertCustomerAccount(db, mobile)
    const base = {
      displayName: 'C',
      passwordHash: 'x',
      registeredAt: NOW,
      registeredVia: 'SELF' as const,
      createdAt: NOW,
      updatedAt: NOW,
    }
    const sameEmail = await rejectionOf(
      db
        .insert(customerAccounts)
        .values({ ...base, email: first.email, emailCanonical: first.email })
    )
    expect(getUniqueViolation(sameEmail)).toBe(UNIQUE_CONSTRAINTS.customerAccountEmail)
    const email = `${unique('c')}@customer.test`
    const sameMobile = await rejectionOf(
      db
        .insert(customerAccounts)
        .values({ ...base, email, emailCanonical: email, mobileE164: mobile })
    )
    expect(getUniqueViolation(sameMobile)).toBe(UNIQUE_CONSTRAINTS.customerAccountMobile)
  })

  it('keeps one rate-limit counter per bucket and window', async () => {
    const { db } = testDb
    const counter = { bucketKey: unique('public'), windowStart: NOW, count: 1 }
    await db.insert(rateLimitCounters).values(counter)
    const error = await rejectionOf(db.insert(rateLimitCounters).values(counter))
    expect(getUniqueViolation(error)).toBe(UNIQUE_CONSTRAINTS.rateLimitCounter)
  })
})

describe('check constraints', () => {
  it('refuses a status domain.md does not define', async () => {
    const row = preregistrationRow(owner, { status: 'ACTIVE' as never })
    const error = await rejectionOf(testDb.db.insert(preRegistrations).values(row))
    expect(getUniqueViolation(error)).toBeNull()
    expect(String((error as { cause?: unknown }).cause)).toMatch(/pre_registrations_status_check/)
  })

  it('refuses a partner user without a partner', async () => {
    const email = `${unique('orphan')}@partner.test`
    const error = await rejectionOf(
      testDb.db.insert(users).values({
        email,
        emailCanonical: email,
        displayName: 'O',
        role: 'admin',
        passwordHash: 'x',
        createdAt: NOW,
        updatedAt: NOW,
      })
    )
    expect(String((error as { cause?: unknown }).cause)).toMatch(/users_partner_role_check/)
  })
})

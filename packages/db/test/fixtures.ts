// Row builders for integration tests: each call uses fresh ids and addresses, so tests sharing one
// database per file never collide by accident.
import { createHash, randomUUID } from 'node:crypto'
import type { Database } from '../src/index'
import {
  customerAccounts,
  invitationBatches,
  partners,
  preRegistrations,
  users,
  type NewInvitationRow,
  type NewPreRegistrationRow,
} from '../src/schema/index'
import { BUSINESS_TABLES, countTableRows } from '../src/testing/index'

export const NOW = new Date('2025-01-15T09:30:00Z')

let counter = 0
/** A short unique suffix for emails and keys. */
export function unique(prefix: string): string {
  counter += 1
  return `${prefix}-${counter}-${randomUUID().slice(0, 8)}`
}

/** A partner with one admin user. */
export async function insertPartner(db: Database) {
  const partnerId = randomUUID()
  const userId = randomUUID()
  await db.insert(partners).values({
    id: partnerId,
    name: unique('Partner'),
    contactEmail: `${unique('contact')}@partner.test`,
    customerDevelopmentEnabled: true,
    createdAt: NOW,
    updatedAt: NOW,
  })
  const email = `${unique('admin')}@partner.test`
  await db.insert(users).values({
    id: userId,
    partnerId,
    email,
    emailCanonical: email,
    displayName: 'Admin',
    role: 'admin',
    passwordHash: 'x',
    createdAt: NOW,
    updatedAt: NOW,
  })
  return { partnerId, userId }
}

/** A customer account with a fresh email and no mobile. */
export async function insertCustomerAccount(db: Database, mobileE164: string | null = null) {
  const id = randomUUID()
  const email = `${unique('customer')}@customer.test`
  await db.insert(customerAccounts).values({
    id,
    email,
    emailCanonical: email,
    mobileE164,
    displayName: 'Customer',
    passwordHash: 'x',
    registeredAt: NOW,
    registeredVia: 'SELF',
    createdAt: NOW,
    updatedAt: NOW,
  })
  return { id, email }
}

/** A pre-registration row (not inserted) for the owner, PRE_REGISTERED with a fresh email. */
export function preregistrationRow(
  owner: { partnerId: string; userId: string },
  overrides: Partial<NewPreRegistrationRow> = {}
): NewPreRegistrationRow & { id: string } {
  const id = randomUUID()
  const email = `${unique('lead')}@customer.test`
  return {
    partnerId: owner.partnerId,
    createdByUserId: owner.userId,
    customerName: 'Lead',
    email,
    emailCanonical: email,
    locale: 'en',
    status: 'PRE_REGISTERED',
    validFrom: NOW,
    validUntil: new Date(NOW.getTime() + 15 * 86_400_000),
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
    id: overrides.id ?? id,
  }
}

/** An inserted pre-registration plus an inserted batch to hang invitations on. */
export async function insertPreregistrationWithBatch(
  db: Database,
  owner: { partnerId: string; userId: string }
) {
  const prereg = preregistrationRow(owner)
  await db.insert(preRegistrations).values(prereg)
  const batchId = randomUUID()
  await db.insert(invitationBatches).values({
    id: batchId,
    partnerId: owner.partnerId,
    createdByUserId: owner.userId,
    kind: 'INVITE',
    associationType: 'reseller',
    requestedCount: 1,
    queuedCount: 1,
    skippedCount: 0,
    results: [{ preregistrationId: prereg.id, outcome: 'QUEUED' }],
    createdAt: NOW,
  })
  return { prereg, batchId }
}

/** An invitation row (not inserted) for a pre-registration, QUEUED by default. */
export function invitationRow(
  owner: { partnerId: string; userId: string },
  target: { prereg: NewPreRegistrationRow & { id: string }; batchId: string },
  overrides: Partial<NewInvitationRow> = {}
): NewInvitationRow & { id: string } {
  const id = randomUUID()
  return {
    partnerId: owner.partnerId,
    preregistrationId: target.prereg.id,
    batchId: target.batchId,
    createdByUserId: owner.userId,
    associationType: 'reseller',
    recipientEmail: target.prereg.email ?? '',
    recipientEmailCanonical: target.prereg.emailCanonical ?? '',
    locale: 'en',
    status: 'QUEUED',
    messageId: `<invitation.${id}@test.local>`,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
    id: overrides.id ?? id,
  }
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('Expected the statement to fail, but it succeeded')
}

/** Row counts of the business tables: the seed's, and outbox, idempotency and audit (none). */
export function countRows(db: Database): Promise<Record<string, number>> {
  return countTableRows(db, BUSINESS_TABLES)
}

/** The row counts of domain.md §10 after seeding an empty database. */
export const SEEDED_COUNTS = {
  partners: 4,
  users: 8,
  customer_accounts: 15,
  pre_registrations: 18,
  invitation_batches: 11,
  invitations: 11,
  invitation_tokens: 11,
  invitation_links: 0,
  pending_link_registrations: 0,
  api_keys: 0,
  webhook_endpoints: 0,
  webhook_events: 0,
  webhook_deliveries: 0,
  webhook_attempts: 0,
  associations: 4,
  audit_events: 0,
  outbox: 0,
  idempotency_keys: 0,
}

/** A stand-in for the API's token hashing: SHA-256 hex of a name-derived token. */
export function fakeTokenHash(seedName: string): string {
  return createHash('sha256').update(`demo-token:${seedName}`).digest('hex')
}

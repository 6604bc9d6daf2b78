import {
  executeRows,
  identityCanonicalStep,
  migrateDb,
  MIGRATIONS_FOLDER,
} from '@partner-center/db'
import {
  invitationBatches,
  invitations,
  invitationTokens,
  outbox,
  preRegistrations,
  type InvitationStatus,
  type PreregistrationStatus,
} from '@partner-center/db/schema'
import { DEMO_PASSWORD } from '@partner-center/db/seed'
import { invitationMessageId, normalizeEmail } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { CD, type TestApp } from '../helpers'
import { emptyInviteBatch } from '../outbox/outbox-fixtures'

// Rows put straight into a chosen status (the state-machine coverage tests), written with the
// fields the real paths would have left, and a whole-row snapshot to tell whether a write
// path changed them.

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Where a row's own clock stands at the test's `now`: running, or run out. */
export type Clock = 'running' | 'lapsed'

/** A partner of the test with its admin user's session. */
export interface Owner {
  partnerId: string
  userId: string
  token: string
  batchId: string
}

/** A fixture partner (quota and daily cap raised) and one batch its invitations hang off. */
export async function createOwner(t: TestApp): Promise<Owner> {
  const created = await t.createPartner({ preregistrationQuota: 10_000, dailyInviteCap: 100_000 })
  const user = created.users[0]
  if (!user) throw new Error('fixture partner without a user')
  const token = await t.signIn(user.email)
  const batchId = randomUUID()
  await t.database.db.insert(invitationBatches).values(
    emptyInviteBatch({
      id: batchId,
      partnerId: created.partnerId,
      createdByUserId: user.id,
      createdAt: new Date(t.clock.now().getTime() - 2 * DAY),
    })
  )
  return { partnerId: created.partnerId, userId: user.id, token, batchId }
}

/** A fresh address of one case, e.g. `p9.expired.1a2b3c4d@customer.example`. */
export function caseEmail(label: string): string {
  return `${label}.${randomUUID().slice(0, 8)}@customer.example`.toLowerCase()
}

function canonical(email: string): string {
  const result = normalizeEmail(email)
  if (!result.ok) throw new Error(`not an email: ${email}`)
  return result.value
}

/** Options of {@link insertPreregistration}. */
export interface PreregistrationFixture {
  status: PreregistrationStatus
  email: string
  /** Stored as is (an older canonical form); default the current one. */
  emailCanonical?: string
  /** `reviewDeadline` and `validUntil` a day ahead, or (each on its own) just passed. */
  reviewClock?: Clock
  validityClock?: Clock
  createdAt?: Date
  customerAccountId?: string | null
}

/** A pre-registration of `owner` in `status`; answers its id. */
export async function insertPreregistration(
  t: TestApp,
  owner: Owner,
  fixture: PreregistrationFixture
): Promise<string> {
  const now = t.clock.now()
  const at = (clock: Clock | undefined) =>
    new Date(now.getTime() + (clock === 'lapsed' ? -HOUR : DAY))
  const id = randomUUID()
  await t.database.db.insert(preRegistrations).values({
    id,
    partnerId: owner.partnerId,
    createdByUserId: owner.userId,
    customerName: 'State Machine Co',
    email: fixture.email,
    emailCanonical: fixture.emailCanonical ?? canonical(fixture.email),
    locale: 'en',
    customerAccountId: fixture.customerAccountId ?? null,
    status: fixture.status,
    validFrom: new Date(now.getTime() - 2 * DAY),
    validUntil: at(fixture.validityClock),
    reviewReason: fixture.status === 'PENDING_REVIEW' ? 'ACCOUNT_TOO_OLD_OR_HAS_SPEND' : null,
    reviewDeadline: at(fixture.reviewClock),
    createdAt: fixture.createdAt ?? new Date(now.getTime() - 2 * DAY),
    updatedAt: new Date(now.getTime() - DAY),
  })
  return id
}

/** Options of {@link insertInvitation}. */
export interface InvitationFixture {
  status: InvitationStatus
  preregistrationId: string
  email: string
  /** Stored as is (an older canonical form); default the current one. */
  recipientEmailCanonical?: string
  /** `expiresAt` a day ahead, or just passed. */
  clock?: Clock
}

/** An invitation of `owner` in `status` with a live token and its outbox row; answers both. */
export async function insertInvitation(t: TestApp, owner: Owner, fixture: InvitationFixture) {
  const now = t.clock.now()
  const id = randomUUID()
  const outboxId = randomUUID()
  const token = randomBytes(32).toString('base64url')
  const failureCode =
    fixture.status === 'ASSOCIATION_FAILED'
      ? 'UNPAID_BILLS'
      : fixture.status === 'FAILED_TO_SEND'
        ? 'DELIVERY_FAILED'
        : null
  const sent = fixture.status !== 'QUEUED' && fixture.status !== 'SEND_FAILED'
  await t.database.db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      id,
      partnerId: owner.partnerId,
      preregistrationId: fixture.preregistrationId,
      batchId: owner.batchId,
      createdByUserId: owner.userId,
      associationType: 'reseller',
      recipientEmail: fixture.email,
      recipientEmailCanonical: fixture.recipientEmailCanonical ?? canonical(fixture.email),
      locale: 'en',
      status: fixture.status,
      expiresAt: new Date(now.getTime() + (fixture.clock === 'lapsed' ? -HOUR : DAY)),
      sentAt: sent ? new Date(now.getTime() - DAY) : null,
      attemptCount: 1,
      lastAttemptAt: new Date(now.getTime() - DAY),
      failureCode,
      messageId: invitationMessageId(id, 'partner-center.local'),
      // Past the resend cooldown and the recipient's day (R38), so a new invitation may follow.
      createdAt: new Date(now.getTime() - 2 * DAY),
      updatedAt: new Date(now.getTime() - DAY),
    })
    await tx.insert(invitationTokens).values({
      invitationId: id,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      issuedAt: new Date(now.getTime() - DAY),
    })
    // Claimed by a dispatcher (attempt 1), so a delivery result can be settled against it.
    await tx.insert(outbox).values({
      id: outboxId,
      kind: 'INVITATION_EMAIL',
      aggregateId: id,
      payload: { invitationId: id },
      dedupeKey: `invitation:${id}:send`,
      status: 'SENDING',
      attempts: 1,
      lockedUntil: new Date(now.getTime() + HOUR),
      runAfter: new Date(now.getTime() - DAY),
      createdAt: new Date(now.getTime() - 2 * DAY),
    })
  })
  return { id, outboxId, token }
}

/** The whole stored row, as JSON text: any column that moved makes it differ. */
export async function rowOf(t: TestApp, table: 'invitations' | 'pre_registrations', id: string) {
  const [row] = await executeRows<{ row: string }>(
    t.database.db,
    sql`select to_jsonb(t)::text as row from ${sql.identifier(table)} t where t.id = ${id}`
  )
  if (!row) throw new Error(`${table} ${id} not found`)
  return row.row
}

/** Runs the identity data step (R28a) again on the whole database, as a migrating process. */
export async function runIdentityStep(t: TestApp): Promise<void> {
  await executeRows(
    t.database.db,
    sql`delete from data_steps where name = ${identityCanonicalStep.name}`
  )
  const result = await migrateDb(t.database.handle, {
    migrationsFolder: MIGRATIONS_FOLDER,
    dataSteps: [identityCanonicalStep],
    now: t.clock.now(),
  })
  if (result.dataSteps.length !== 1) throw new Error('the identity step did not run')
}

/** A fresh customer account (fixture endpoint) and its signed-in session. */
export async function signedInCustomer(t: TestApp, email: string, flags: object = {}) {
  const created = await t.call<{ id: string }>('POST', '/api/v1/test/customer-accounts', {
    body: { email, ...flags },
  })
  if (created.status !== 201) throw new Error(`fixture account: ${created.text}`)
  const session = await t.call<{ token: string }>('POST', '/api/v1/public/auth/sign-in', {
    body: { email, password: DEMO_PASSWORD },
  })
  if (session.status !== 200) throw new Error(`customer sign-in: ${session.text}`)
  return { id: created.body.id, token: session.body.token }
}

/** `DELETE …/preregistrations/{id}` as the owner; the test judges the answer. */
export function deletePreregistration(t: TestApp, owner: Owner, preregistrationId: string) {
  return t.call('DELETE', `${CD}/preregistrations/${preregistrationId}`, { token: owner.token })
}

/** `POST …/preregistrations/batch-delete` as the owner; the test judges the answer. */
export function batchDeletePreregistrations(t: TestApp, owner: Owner, ids: string[]) {
  return t.call('POST', `${CD}/preregistrations/batch-delete`, {
    token: owner.token,
    body: { preregistrationIds: ids },
  })
}

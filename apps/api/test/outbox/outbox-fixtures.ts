import type { Database } from '@partner-center/db'
import {
  invitationBatches,
  invitations,
  outbox,
  partners,
  preRegistrations,
  users,
} from '@partner-center/db/schema'
import { createHash, randomUUID } from 'node:crypto'
import pino from 'pino'
import type { DispatcherConfig } from '../../src/outbox/dispatcher-config'

/** The origin of links in these tests (localhost http is allowed outside production, R55). */
export const PUBLIC_BASE_URL = 'http://localhost:4175'

/** Dispatcher settings for tests: §8 defaults with a quick poll and no background sweeper. */
export function testDispatcherConfig(overrides: Partial<DispatcherConfig> = {}): DispatcherConfig {
  return {
    appEnv: 'test',
    mailFrom: 'Partner Center <no-reply@partner-center.local>',
    mailDomain: 'partner-center.local',
    publicBaseUrl: PUBLIC_BASE_URL,
    platformName: 'Example Cloud',
    invitationTtlDays: 7,
    invitationReminderHours: 48,
    batchSize: 10,
    maxAttempts: 8,
    leaseSeconds: 300,
    claimLoops: 2,
    sendConcurrency: 10,
    pollIntervalMs: 20,
    backoffBaseSeconds: 30,
    backoffCapSeconds: 3600,
    sweepIntervalSeconds: 0,
    ...overrides,
  }
}

/** A pino logger that keeps its lines, to prove what never reaches the logs (R77). */
export function createCapturingLogger() {
  const lines: string[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) })
  return { logger, lines }
}

/** A partner with one sales user and one batch, for invitations inserted directly. */
export async function insertPartner(
  db: Database,
  options: { name?: string; contactEmail?: string | null; now?: Date } = {}
) {
  const now = options.now ?? new Date()
  const partnerId = randomUUID()
  const userId = randomUUID()
  const batchId = randomUUID()
  await db.insert(partners).values({
    id: partnerId,
    name: options.name ?? 'Alpha Partner',
    contactEmail: options.contactEmail === undefined ? 'sales@alpha.example' : options.contactEmail,
    contactMobile: '+8613800000001',
    customerDevelopmentEnabled: true,
    referralModelEnabled: true,
    createdAt: now,
    updatedAt: now,
  })
  const email = `sales.${partnerId.slice(0, 8)}@alpha.example`
  await db.insert(users).values({
    id: userId,
    partnerId,
    email,
    emailCanonical: email,
    displayName: 'Sam Sales',
    role: 'sales',
    locale: 'zh-CN',
    passwordHash: 'scrypt:unused',
    createdAt: now,
    updatedAt: now,
  })
  await db
    .insert(invitationBatches)
    .values(emptyInviteBatch({ id: batchId, partnerId, createdByUserId: userId, createdAt: now }))
  return { partnerId, userId, batchId, userEmail: email }
}

/** A reseller invite batch that queued nothing, for invitations a test inserts itself. */
export function emptyInviteBatch(
  row: Pick<
    typeof invitationBatches.$inferInsert,
    'id' | 'partnerId' | 'createdByUserId' | 'createdAt'
  >
): typeof invitationBatches.$inferInsert {
  return {
    ...row,
    kind: 'INVITE',
    associationType: 'reseller',
    requestedCount: 0,
    queuedCount: 0,
    skippedCount: 0,
    results: [],
  }
}

/** One invitation as {@link insertQueuedInvitations} wrote it. */
export interface QueuedInvitation {
  invitationId: string
  outboxId: string
  email: string
  customerName: string
  locale: 'en' | 'zh-CN'
  associationType: 'reseller' | 'referral'
  messageId: string
}

/**
 * Writes what `POST …/invitations` writes (R39): pre-registrations, `QUEUED` invitations and
 * `PENDING` outbox rows `invitation:{id}:send` with ids only, in chunks.
 */
export async function insertQueuedInvitations(
  db: Database,
  partner: Awaited<ReturnType<typeof insertPartner>>,
  count: number,
  options: {
    now?: Date
    status?: 'QUEUED' | 'REVOKED' | 'SUPERSEDED'
    customerName?: (index: number) => string
  } = {}
): Promise<QueuedInvitation[]> {
  const now = options.now ?? new Date()
  const created: QueuedInvitation[] = []
  for (let start = 0; start < count; start += 250) {
    const chunk = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
      const index = start + k
      const tag = randomUUID().slice(0, 8)
      return {
        index,
        preregistrationId: randomUUID(),
        invitationId: randomUUID(),
        outboxId: randomUUID(),
        email: `customer.${index}.${tag}@customer.example`,
        customerName: options.customerName?.(index) ?? `Customer ${index} Ltd`,
        locale: index % 2 === 0 ? ('en' as const) : ('zh-CN' as const),
        associationType: index % 3 === 0 ? ('referral' as const) : ('reseller' as const),
      }
    })
    await db.insert(preRegistrations).values(
      chunk.map((row) => ({
        id: row.preregistrationId,
        partnerId: partner.partnerId,
        createdByUserId: partner.userId,
        customerName: row.customerName,
        email: row.email,
        emailCanonical: row.email,
        locale: row.locale,
        status: 'PRE_REGISTERED' as const,
        validFrom: now,
        validUntil: new Date(now.getTime() + 15 * 86_400_000),
        createdAt: now,
        updatedAt: now,
      }))
    )
    await db.insert(invitations).values(
      chunk.map((row) => ({
        id: row.invitationId,
        partnerId: partner.partnerId,
        preregistrationId: row.preregistrationId,
        batchId: partner.batchId,
        createdByUserId: partner.userId,
        associationType: row.associationType,
        recipientEmail: row.email,
        recipientEmailCanonical: row.email,
        locale: row.locale,
        status: options.status ?? ('QUEUED' as const),
        messageId: `<invitation.${row.invitationId}@partner-center.local>`,
        createdAt: now,
        updatedAt: now,
      }))
    )
    await db.insert(outbox).values(
      chunk.map((row) => ({
        id: row.outboxId,
        kind: 'INVITATION_EMAIL' as const,
        aggregateId: row.invitationId,
        payload: { invitationId: row.invitationId },
        dedupeKey: `invitation:${row.invitationId}:send`,
        runAfter: now,
        createdAt: now,
      }))
    )
    created.push(
      ...chunk.map((row) => ({
        invitationId: row.invitationId,
        outboxId: row.outboxId,
        email: row.email,
        customerName: row.customerName,
        locale: row.locale,
        associationType: row.associationType,
        messageId: `<invitation.${row.invitationId}@partner-center.local>`,
      }))
    )
  }
  return created
}

/** The raw token of an invitation link in a received email, and its SHA-256 hex. */
export function tokenOfLink(text: string): { token: string; hash: string } | null {
  const match = /\/invite#([A-Za-z0-9_-]{43})/.exec(text)
  if (!match?.[1]) return null
  return { token: match[1], hash: createHash('sha256').update(match[1]).digest('hex') }
}

/** Polls `check` every 20 ms until it returns true or `timeoutMs` passes (no fixed sleeps). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

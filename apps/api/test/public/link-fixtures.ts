import {
  invitationBatches,
  invitations,
  invitationTokens,
  preRegistrations,
} from '@partner-center/db/schema'
import { normalizeEmail } from '@partner-center/domain'
import { createHash, randomBytes } from 'node:crypto'
import { deriveDemoToken } from '../../src/dev/demo-tokens'
import { PUBLIC, type TestApp } from '../helpers'
import { TEST_SEED_SECRET } from '../test-app'

/** The raw link token of a seeded invitation (domain.md §10 "Demo links"). */
export function demoLinkToken(seedName: string): string {
  return deriveDemoToken(TEST_SEED_SECRET, seedName)
}

/** Options of {@link createSentInvitation}. */
export interface SentInvitationOptions {
  partnerId: string
  createdByUserId: string
  email: string
  associationType?: 'reseller' | 'referral'
  customerAccountId?: string | null
  mobile?: string | null
}

/**
 * A pre-registered customer with a SENT invitation and a live token, written the way the send
 * path leaves them (the dispatcher's own tests prove that path). Returns the raw token.
 */
export async function createSentInvitation(t: TestApp, options: SentInvitationOptions) {
  const now = t.clock.now()
  const day = 86_400_000
  const canonical = normalizeEmail(options.email)
  if (!canonical.ok) throw new Error(`bad email ${options.email}`)
  const preregistrationId = crypto.randomUUID()
  const batchId = crypto.randomUUID()
  const invitationId = crypto.randomUUID()
  const token = randomBytes(32).toString('base64url')
  const type = options.associationType ?? 'reseller'
  await t.database.db.transaction(async (tx) => {
    await tx.insert(preRegistrations).values({
      id: preregistrationId,
      partnerId: options.partnerId,
      createdByUserId: options.createdByUserId,
      customerName: 'Fixture Customer',
      email: options.email,
      emailCanonical: canonical.value,
      mobileE164: options.mobile ?? null,
      locale: 'en',
      customerAccountId: options.customerAccountId ?? null,
      status: 'PRE_REGISTERED',
      validFrom: now,
      validUntil: new Date(now.getTime() + 15 * day),
      createdAt: now,
      updatedAt: now,
    })
    await tx.insert(invitationBatches).values({
      id: batchId,
      partnerId: options.partnerId,
      createdByUserId: options.createdByUserId,
      kind: 'INVITE',
      associationType: type,
      requestedCount: 1,
      queuedCount: 1,
      skippedCount: 0,
      results: [{ preregistrationId, outcome: 'QUEUED', invitationId }],
      createdAt: now,
    })
    await tx.insert(invitations).values({
      id: invitationId,
      partnerId: options.partnerId,
      preregistrationId,
      batchId,
      createdByUserId: options.createdByUserId,
      associationType: type,
      recipientEmail: options.email,
      recipientEmailCanonical: canonical.value,
      locale: 'en',
      status: 'SENT',
      expiresAt: new Date(now.getTime() + 7 * day),
      sentAt: now,
      attemptCount: 1,
      lastAttemptAt: now,
      messageId: `<invitation.${invitationId}@partner-center.local>`,
      createdAt: now,
      updatedAt: now,
    })
    await tx.insert(invitationTokens).values({
      invitationId,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      issuedAt: now,
    })
  })
  return { token, invitationId, preregistrationId }
}

/**
 * `POST …/public/invitations/register` through the link of `token`, with a valid password and the
 * terms accepted; the test judges the answer.
 */
export function registerThroughLink(t: TestApp, token: string, displayName = 'Beta Owner') {
  return t.call<{ token: string; customer: { id: string; email: string } }>(
    'POST',
    `${PUBLIC}/invitations/register`,
    { body: { token, displayName, password: 'correct horse battery', termsAccepted: true } }
  )
}

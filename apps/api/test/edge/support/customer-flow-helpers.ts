// The steps of the customer flow on the edge (issue 17 item 4): a partner invites through the
// worker, the customer registers and accepts through the worker. Every request goes to workerd;
// only the checks of what the database holds read it directly, through the Node app's client.
import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import type { CaughtMessage } from '../../../src/dev/smtp-sink'
import { waitUntil } from '../../support/built-entry'
import { CD, PUBLIC } from '../../helpers'
import { EDGE_PUBLIC_BASE_URL, type EdgeWorld } from './edge-world'

/** The password customers of this flow register with (R61: at least 10 characters). */
export const CUSTOMER_PASSWORD = 'correct horse battery'

/** A customer a partner user pre-registers and invites. */
export interface InvitedCustomer {
  customerName: string
  email: string
  associationType: 'reseller' | 'referral'
}

/** What {@link inviteThroughWorker} left behind: the rows it made and the batch answer. */
export interface SentInvite {
  preregistrationId: string
  invitationId: string
  batchId: string
  queued: number
}

/**
 * Pre-registers `customer` and sends them an invitation, both through the worker as the partner
 * user of `userToken`. Throws with the worker's answer when a step is refused, so a failing
 * flow says which step and why.
 */
export async function inviteThroughWorker(
  world: EdgeWorld,
  userToken: string,
  customer: InvitedCustomer
): Promise<SentInvite> {
  const created = await world.call<{ id: string }>('POST', `${CD}/preregistrations`, {
    token: userToken,
    body: { customerName: customer.customerName, email: customer.email, locale: 'en' },
  })
  if (created.status !== 201) throw new Error(`pre-registration: ${created.text}`)
  const sent = await world.call<{
    batchId: string
    queued: number
    results: { invitationId?: string }[]
  }>('POST', `${CD}/invitations`, {
    token: userToken,
    headers: { 'idempotency-key': `invite-${created.body.id}` },
    body: { preregistrationIds: [created.body.id], associationType: customer.associationType },
  })
  const invitationId = sent.body.results?.[0]?.invitationId
  if (sent.status !== 202 || !invitationId) throw new Error(`invitation: ${sent.text}`)
  return {
    preregistrationId: created.body.id,
    invitationId,
    batchId: sent.body.batchId,
    queued: sent.body.queued,
  }
}

/**
 * Waits until the worker reports the batch delivered (`done`) and answers its last progress.
 * The sink holds a message before the dispatcher marks its invitation sent, so a test that
 * changes the invitation afterwards waits for this first, or the dispatcher's settle races it.
 */
export async function waitForBatchDelivered(world: EdgeWorld, userToken: string, batchId: string) {
  const progress = () =>
    world.call<{ done: boolean; sent: number; failed: number }>(
      'GET',
      `${CD}/invitation-batches/${batchId}`,
      { token: userToken }
    )
  let last = await progress()
  await waitUntil(
    async () => (last = await progress()).body.done === true,
    () => `batch ${batchId} not delivered: ${last.text}`,
    30_000
  )
  return last.body
}

/**
 * The raw token of the invitation link in `message`, which must point at the worker's portal
 * (`{PUBLIC_BASE_URL}/invite#{token}`, R56); throws when the email holds no such link.
 */
export function linkTokenIn(message: CaughtMessage): string {
  const origin = EDGE_PUBLIC_BASE_URL.replace(/[.]/g, '\\.')
  const match = new RegExp(`${origin}/invite#([A-Za-z0-9_-]{43})`).exec(message.text ?? '')
  if (!match?.[1]) throw new Error(`no ${EDGE_PUBLIC_BASE_URL} link in "${message.subject}"`)
  return match[1]
}

/** `POST …/public/invitations/resolve` through the worker. */
export function resolveThroughWorker(world: EdgeWorld, token: string) {
  return world.call<{ partnerName: string; associationType: string; invitedEmail: string }>(
    'POST',
    `${PUBLIC}/invitations/resolve`,
    { body: { token } }
  )
}

/** `POST …/public/invitations/register` through the worker, terms accepted. */
export function registerThroughWorker(world: EdgeWorld, token: string, displayName: string) {
  return world.call<{ token: string; customer: { id: string; email: string } }>(
    'POST',
    `${PUBLIC}/invitations/register`,
    { body: { token, displayName, password: CUSTOMER_PASSWORD, termsAccepted: true } }
  )
}

/** `POST …/public/invitations/accept` through the worker with the customer's session. */
export function acceptThroughWorker(world: EdgeWorld, token: string, session: string) {
  return world.call<{ associationType: string; partnerName: string }>(
    'POST',
    `${PUBLIC}/invitations/accept`,
    { token: session, body: { token, instructionsAccepted: true } }
  )
}

/** `POST …/public/invitations/renewal-request` through the worker. */
export function requestRenewalThroughWorker(world: EdgeWorld, token: string) {
  return world.call<{
    requested: boolean
    alreadyRequested: boolean
    live: boolean
    partnerName: string
  }>('POST', `${PUBLIC}/invitations/renewal-request`, { body: { token } })
}

/** The ACTIVE associations the database holds between one customer and one partner (ids). */
export async function activeAssociationsOf(
  world: EdgeWorld,
  pair: { customerAccountId: string; partnerId: string }
): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    world.node.database.db,
    sql`select id from associations
         where customer_account_id = ${pair.customerAccountId}
           and partner_id = ${pair.partnerId} and status = 'ACTIVE'`
  )
  return rows.map((row) => row.id)
}

/** How many outbox rows of `kind` the database holds for one aggregate (queued or delivered). */
export async function outboxRowCount(
  world: EdgeWorld,
  kind: 'ASSOCIATION_SUCCESS_EMAIL' | 'RENEWAL_REQUEST_EMAIL',
  aggregateId: string
): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    world.node.database.db,
    sql`select count(*)::int as n from outbox where kind = ${kind} and aggregate_id = ${aggregateId}`
  )
  return row?.n ?? 0
}

/**
 * Moves an invitation's expiry a minute into the past. The worker runs on real time and has no
 * clock a test could advance, so a link expires only by its stored `expiresAt` passing: the
 * same state the expiry sweeper later finds (R58: live with `now ≥ expiresAt` is `EXPIRED`).
 */
export async function expireInvitation(world: EdgeWorld, invitationId: string): Promise<void> {
  const past = new Date(Date.now() - 60_000).toISOString()
  const updated = await executeRows<{ id: string }>(
    world.node.database.db,
    sql`update invitations set expires_at = ${past}::timestamptz
         where id = ${invitationId} returning id`
  )
  if (updated.length !== 1) throw new Error(`no invitation ${invitationId} to expire`)
}

/**
 * Lines of the worker's output where workerd reports a fault of the product code: an uncaught
 * exception or an I/O object shared between requests ("Cannot perform I/O on behalf of a
 * different request"), and the app's own error-level log lines (pino level 50 and above).
 */
export function workerFaults(output: string): string[] {
  return output
    .split('\n')
    .filter(
      (line) =>
        /Uncaught|Cannot perform I\/O|different request/i.test(line) ||
        /"level":\s*(50|60)\b/.test(line)
    )
}

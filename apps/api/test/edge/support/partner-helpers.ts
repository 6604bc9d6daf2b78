// What the partner edge tests (records, invitations) share: partners of their own signed in through the worker,
// pre-registrations made through the worker, and row counts taken only once the Node dispatcher
// has nothing in hand (it writes tokens, statuses and audit events on its own schedule).
import { executeRows } from '@partner-center/db'
import { sql } from 'drizzle-orm'
import { CD } from '../../helpers'
import { waitUntil } from '../../support/built-entry'
import type { EdgeWorld } from './edge-world'

/** The partner API's paths used by the partner flow. */
export const PATHS = {
  preregistrations: `${CD}/preregistrations`,
  invitations: `${CD}/invitations`,
  preview: `${CD}/invitations/preview`,
  batches: `${CD}/invitation-batches`,
  history: `${CD}/history`,
  resolveLink: '/api/v1/public/invitations/resolve',
} as const

/** A pre-registration as the partner API answers it (masked unless revealed). */
export interface PreregistrationItem {
  id: string
  status: string
  customerName: string
  email: string | null
  mobile: string | null
}

/** The answer of an invite (202), first or replayed. */
export interface InvitationBatchAnswer {
  batchId: string
  associationType: string
  requested: number
  queued: number
  skipped: number
  results: { preregistrationId: string; outcome: string; invitationId?: string; code?: string }[]
}

/**
 * A fresh address on the customer domain, so each test owns its identities whatever ran before.
 *
 * @example
 * customerEmail('orion') // 'orion.1a2b3c4d@customer.example'
 */
export function customerEmail(label: string): string {
  return `${label}.${crypto.randomUUID().slice(0, 8)}@customer.example`
}

/**
 * A partner of the test's own (Node fixture route: the worker has none) with its admin signed
 * in through the worker.
 *
 * @example
 * const partner = await signedInPartner(world, { name: 'Orion Partners' })
 * await world.call('GET', PATHS.preregistrations, { token: partner.token })
 */
export async function signedInPartner(world: EdgeWorld, options: Record<string, unknown> = {}) {
  const created = await world.node.createPartner(options)
  const admin = created.users[0]
  if (!admin) throw new Error('fixture partner without users')
  return {
    partnerId: created.partnerId,
    email: admin.email,
    token: await world.signIn(admin.email),
  }
}

/**
 * Pre-registers a customer through the worker and answers the created row (fails unless 201).
 *
 * @example
 * const row = await preregister(world, token, { customerName: 'Orion Freight', email })
 */
export async function preregister(
  world: EdgeWorld,
  token: string,
  body: Record<string, unknown>
): Promise<PreregistrationItem> {
  const answer = await world.call<PreregistrationItem>('POST', PATHS.preregistrations, {
    token,
    body,
  })
  if (answer.status !== 201) throw new Error(`pre-registration answered ${answer.text}`)
  return answer.body
}

async function outboxInHand(world: EdgeWorld): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    world.node.database.db,
    sql`select count(*)::int as n from outbox where status in ('PENDING', 'SENDING')`
  )
  return row?.n ?? -1
}

/**
 * Row counts of every business table once no outbox message is pending or being sent: the
 * dispatcher settles each delivery in one statement (tokens, statuses, audit event), so from
 * then on only a request changes the counts. A request that wrongly queued mail would show up
 * here as more rows, since its messages are delivered before the counts are taken.
 *
 * @example
 * const before = await settledRowCounts(world)
 */
export async function settledRowCounts(world: EdgeWorld): Promise<Record<string, number>> {
  await waitUntil(
    async () => (await outboxInHand(world)) === 0,
    () => 'the dispatcher still holds outbox messages',
    30_000
  )
  return world.node.countRows()
}

/** Delivery progress of a batch as the worker answers it. */
export interface BatchProgress {
  done: boolean
  sent: number
  total: number
}

/**
 * Waits until the worker reports every email of a batch as sent (the sink gets a message
 * before its row is marked sent) and answers the final progress.
 *
 * @example
 * await batchDelivered(world, token, batch.batchId)
 */
export async function batchDelivered(world: EdgeWorld, token: string, batchId: string) {
  let progress: BatchProgress | undefined
  await waitUntil(
    async () => {
      const answer = await world.call<BatchProgress>('GET', `${PATHS.batches}/${batchId}`, {
        token,
      })
      if (answer.status !== 200) throw new Error(`batch progress answered ${answer.text}`)
      progress = answer.body
      return progress.done
    },
    () => `batch ${batchId} not done: ${JSON.stringify(progress)}`,
    30_000
  )
  return progress!
}

/**
 * The raw token of the invitation link on `origin` in an email body, or null.
 *
 * @example
 * linkTokenOn('https://portal.edge.example', message.text ?? '')
 */
export function linkTokenOn(origin: string, text: string): string | null {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return (
    new RegExp(`${escaped}/invite#([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`).exec(text)?.[1] ?? null
  )
}

import type { Database } from '@partner-center/db'
import { invitations, outbox } from '@partner-center/db/schema'
import { inArray } from 'drizzle-orm'
import type { QueuedInvitation } from './outbox-fixtures'

// What the outbox tests read back of the rows they queued, to judge what a dispatcher or
// sweeper wrote.

/** The outbox rows of `queued`, as stored now. */
export function outboxRowsOf(db: Database, queued: readonly QueuedInvitation[]) {
  const ids = queued.map((q) => q.outboxId)
  return db.select().from(outbox).where(inArray(outbox.id, ids))
}

/** The invitation rows of `queued`, as stored now. */
export function invitationRowsOf(db: Database, queued: readonly QueuedInvitation[]) {
  const ids = queued.map((q) => q.invitationId)
  return db.select().from(invitations).where(inArray(invitations.id, ids))
}

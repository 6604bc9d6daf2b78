import {
  INVITATION_EVENT_NAMES,
  INVITATION_EVENTS,
  INVITATION_STATUSES,
  type InvitationEventName,
  type InvitationStatus,
} from '@partner-center/domain'
import { executeRows } from '@partner-center/db'
import { outbox } from '@partner-center/db/schema'
import { sql } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueInvitationTokens } from '../../src/outbox/issue-invitation-tokens'
import { issueReminderTokens } from '../../src/outbox/issue-reminder-tokens'
import { settleInvitationDeliveries } from '../../src/outbox/settle-invitation-delivery'
import { settleReminderSent } from '../../src/outbox/settle-reminder-delivery'
import { sweepExpiredRecords } from '../../src/outbox/sweep-expired-records'
import { CD, type TestApp } from '../helpers'
import { insertInvitationLink, linkCustomer, PUBLIC_LINKS } from '../support/public-link-fixtures'
import { createTestApp } from '../test-app'
import { coveredEvents, noServerError, pathCases, type CoveredPath } from './state-coverage'
import {
  batchDeletePreregistrations,
  caseEmail,
  createOwner,
  deletePreregistration,
  insertInvitation,
  insertPreregistration,
  rowOf,
  runIdentityStep,
  signedInCustomer,
  type Clock,
  type Owner,
} from './state-fixtures'
import { changesWithWebhookEvents, expectedWebhookEvents } from './webhook-coverage'

// Issue 15: the domain owns the invitation state machine. For every event of INVITATION_EVENTS
// and every write path that applies it (API, dispatcher, sweeper, data step), an invitation is
// put in each status and the path is run: the statuses from which the row changed (any column)
// must be exactly the event's from-states. A status or an event added in one place only fails.

let t: TestApp
let owner: Owner
beforeAll(async () => {
  t = await createTestApp()
  owner = await createOwner(t)
})
afterAll(async () => {
  await t?.close()
})

interface Arranged {
  invitationId: string
  outboxId: string
  token: string
  preregistrationId: string
  email: string
}

type Arrangement = (status: InvitationStatus, clock: Clock) => Promise<Arranged>

/** A pre-registered customer with an invitation in `status`. */
async function ownInvitation(
  status: InvitationStatus,
  clock: Clock,
  email = caseEmail(`i.${status}`)
): Promise<Arranged> {
  const preregistrationId = await insertPreregistration(t, owner, {
    status: 'PRE_REGISTERED',
    email,
  })
  const invitation = await insertInvitation(t, owner, { status, preregistrationId, email, clock })
  return { ...invitation, invitationId: invitation.id, preregistrationId, email }
}

/**
 * The invitation of a holding row that the identity step merges (P11, R28a): an older row holds
 * the same address in an older canonical form (capitals kept), which the step moves to the
 * current one, so the newer row gives way.
 */
const mergedInvitation: Arrangement = async (status, clock) => {
  const email = caseEmail(`m.${status}`)
  const older = email.replace(/^./, (c) => c.toUpperCase())
  await insertPreregistration(t, owner, {
    status: 'PRE_REGISTERED',
    email: older,
    emailCanonical: older,
    createdAt: new Date(t.clock.now().getTime() - 3 * 86_400_000),
  })
  return ownInvitation(status, clock, email)
}

/** An invitation whose stored canonical recipient is in an older form (capitals kept). */
const oldFormInvitation: Arrangement = async (status, clock) => {
  const email = caseEmail(`c.${status}`)
  const older = email.replace(/^./, (c) => c.toUpperCase())
  const preregistrationId = await insertPreregistration(t, owner, {
    status: 'PRE_REGISTERED',
    email,
  })
  const invitation = await insertInvitation(t, owner, {
    status,
    preregistrationId,
    email: older,
    recipientEmailCanonical: older,
    clock,
  })
  return { ...invitation, invitationId: invitation.id, preregistrationId, email }
}

const invite = async ({ preregistrationId }: Arranged) =>
  noServerError(
    await t.call('POST', `${CD}/invitations`, {
      token: owner.token,
      headers: { 'idempotency-key': randomUUID() },
      body: { preregistrationIds: [preregistrationId], associationType: 'reseller' },
    })
  )
const resend = async ({ invitationId }: Arranged) =>
  noServerError(
    await t.call('POST', `${CD}/invitations/${invitationId}/resend`, {
      token: owner.token,
      headers: { 'idempotency-key': randomUUID() },
    })
  )
const deleteOne = async ({ preregistrationId }: Arranged) =>
  noServerError(await deletePreregistration(t, owner, preregistrationId))
const deleteBatch = async ({ preregistrationId }: Arranged) =>
  noServerError(await batchDeletePreregistrations(t, owner, [preregistrationId]))
const accept = (flags: object) => async (arranged: Arranged) => {
  const customer = await signedInCustomer(t, arranged.email, flags)
  noServerError(
    await t.call('POST', '/api/v1/public/invitations/accept', {
      token: customer.token,
      body: { token: arranged.token, instructionsAccepted: true },
    })
  )
}
// Link acceptances through one link of the owner (issue 20): by the arranged row's customer
// (its pre-registration converts, I6c) or by an unrelated one (a link row is created, I10/I11).
let ownerLink: Promise<string> | undefined
const acceptThroughLink =
  (options: { sameCustomer: boolean; flags?: object }) => async (arranged: Arranged) => {
    ownerLink ??= insertInvitationLink(t, {
      partnerId: owner.partnerId,
      createdByUserId: owner.userId,
    }).then((link) => link.code)
    const email = options.sameCustomer ? arranged.email : caseEmail('link.other')
    const customer = await linkCustomer(t, email, { flags: options.flags })
    noServerError(
      await t.call('POST', `${PUBLIC_LINKS}/accept`, {
        token: customer.token,
        body: { code: await ownerLink, instructionsAccepted: true },
      })
    )
  }
const askForRenewal = async ({ token }: Arranged) =>
  noServerError(
    await t.call('POST', '/api/v1/public/invitations/renewal-request', { body: { token } })
  )

const failure = { replyCode: 451, lastError: 'EENVELOPE 451', permanent: false }
const settle =
  (outcome: Parameters<typeof settleInvitationDeliveries>[1][number]['outcome']) =>
  async (all: Arranged[]) => {
    const results = all.map(({ outboxId, invitationId }) => ({
      row: {
        id: outboxId,
        kind: 'INVITATION_EMAIL' as const,
        aggregateId: invitationId,
        payload: { invitationId },
        attempts: 1,
      },
      outcome,
    }))
    await settleInvitationDeliveries(t.database.db, results, t.clock.now())
  }

/** One write path of one event: how rows are arranged, and what runs against them. */
interface WritePath extends CoveredPath<InvitationEventName, InvitationStatus> {
  clock: Clock
  arrange?: Arrangement
  /** Runs once per row, or once for all rows (`all`): the dispatcher, sweeper and data step. */
  each?: (arranged: Arranged) => Promise<void>
  all?: (arranged: Arranged[]) => Promise<void>
  /** What the path may change; default the whole invitation row. */
  snapshot?: (arranged: Arranged) => Promise<string>
}

const sweep = async () => void (await sweepExpiredRecords(t.database.db, t.clock.now()))

/** The invitation row and its tokens: a reminder token changes no invitation column (R117). */
const rowAndTokens = async ({ invitationId }: Arranged) => {
  const [tokens] = await executeRows<{ n: string }>(
    t.database.db,
    sql`select count(*)::text as n from invitation_tokens where invitation_id = ${invitationId}`
  )
  return `${await rowOf(t, 'invitations', invitationId)} tokens:${tokens?.n ?? '?'}`
}
/** Each invitation's reminder claimed (attempt 1) and accepted by SMTP, then settled (I12). */
const settleReminders = async (all: Arranged[]) => {
  for (const { invitationId } of all) {
    const id = randomUUID()
    await t.database.db.insert(outbox).values({
      id,
      kind: 'INVITATION_REMINDER',
      aggregateId: invitationId,
      payload: { invitationId },
      dedupeKey: `invitation:${invitationId}:reminder`,
      status: 'SENDING',
      attempts: 1,
      runAfter: t.clock.now(),
      createdAt: t.clock.now(),
    })
    const row = {
      id,
      kind: 'INVITATION_REMINDER' as const,
      aggregateId: invitationId,
      payload: {},
      attempts: 1,
    }
    await settleReminderSent(t.database.db, row, t.clock.now())
  }
}
const identityStep = async () => runIdentityStep(t)

const PATHS: WritePath[] = [
  {
    event: 'TOKEN_ISSUED',
    via: 'the dispatcher (issueInvitationTokens)',
    clock: 'running',
    all: async (all) =>
      void (await issueInvitationTokens(t.database.db, {
        invitationIds: all.map((a) => a.invitationId),
        now: t.clock.now(),
        ttlDays: 7,
      })),
  },
  {
    event: 'SEND_SUCCEEDED',
    via: 'the dispatcher (settle)',
    clock: 'running',
    all: settle({ kind: 'sent' }),
  },
  {
    event: 'SEND_RETRY',
    via: 'the dispatcher (settle)',
    clock: 'running',
    all: settle({ kind: 'retry', runAfter: new Date('2030-01-01T00:00:00Z'), failure }),
  },
  {
    event: 'SEND_GAVE_UP',
    via: 'the dispatcher (settle)',
    clock: 'running',
    all: settle({ kind: 'failed', failure: { ...failure, replyCode: 550, permanent: true } }),
  },
  {
    event: 'REMINDER_TOKEN_ISSUED',
    via: 'the dispatcher (issueReminderTokens)',
    clock: 'running',
    snapshot: rowAndTokens,
    all: async (all) =>
      void (await issueReminderTokens(t.database.db, {
        invitationIds: all.map((a) => a.invitationId),
        now: t.clock.now(),
      })),
  },
  {
    event: 'REMINDER_SENT',
    via: 'the dispatcher (settleReminderSent)',
    clock: 'running',
    all: settleReminders,
  },
  {
    event: 'REMINDER_SENT',
    via: 'the dispatcher (settleReminderSent), expired',
    clock: 'lapsed',
    all: settleReminders,
    expected: [],
  },
  { event: 'SUPERSEDED', via: 'POST …/invitations', clock: 'running', each: invite },
  { event: 'SUPERSEDED', via: 'POST …/invitations/{id}/resend', clock: 'running', each: resend },
  {
    event: 'PREREGISTRATION_DELETED',
    via: 'DELETE …/preregistrations/{id}',
    clock: 'running',
    each: deleteOne,
  },
  {
    event: 'PREREGISTRATION_DELETED',
    via: 'POST …/preregistrations/batch-delete',
    clock: 'running',
    each: deleteBatch,
  },
  {
    event: 'IDENTITY_MERGED',
    via: 'the identity data step',
    clock: 'running',
    arrange: mergedInvitation,
    all: identityStep,
  },
  { event: 'EXPIRE', via: 'the sweeper', clock: 'lapsed', all: sweep },
  { event: 'EXPIRE', via: 'the sweeper, not yet due', clock: 'running', all: sweep, expected: [] },
  { event: 'EXPIRE', via: 'POST …/invitations', clock: 'lapsed', each: invite },
  { event: 'EXPIRE', via: 'DELETE …/preregistrations/{id}', clock: 'lapsed', each: deleteOne },
  {
    event: 'EXPIRE',
    via: 'the identity data step',
    clock: 'lapsed',
    arrange: mergedInvitation,
    all: identityStep,
  },
  {
    event: 'ACCEPTED',
    via: 'POST …/public/invitations/accept',
    clock: 'running',
    each: accept({}),
  },
  {
    event: 'ASSOCIATION_FAILED',
    via: 'POST …/public/invitations/accept (unpaid bills)',
    clock: 'running',
    each: accept({ hasUnpaidBills: true }),
  },
  {
    event: 'LINK_ACCEPTED',
    via: 'POST …/public/invitation-links/accept (another customer)',
    clock: 'running',
    each: acceptThroughLink({ sameCustomer: false }),
  },
  {
    event: 'LINK_ASSOCIATION_FAILED',
    via: 'POST …/public/invitation-links/accept (another customer, unpaid bills)',
    clock: 'running',
    each: acceptThroughLink({ sameCustomer: false, flags: { hasUnpaidBills: true } }),
  },
  {
    event: 'LINK_ASSOCIATED',
    via: 'POST …/public/invitation-links/accept',
    clock: 'running',
    each: acceptThroughLink({ sameCustomer: true }),
  },
  {
    event: 'EXPIRE',
    via: 'POST …/public/invitation-links/accept',
    clock: 'lapsed',
    each: acceptThroughLink({ sameCustomer: true }),
  },
  {
    event: 'RENEWAL_REQUESTED',
    via: 'POST …/public/invitations/renewal-request',
    clock: 'running',
    each: askForRenewal,
  },
  {
    event: 'CANONICALISED',
    via: 'the identity data step',
    clock: 'running',
    arrange: oldFormInvitation,
    all: identityStep,
  },
]

const changedBy = (path: WritePath) =>
  changesWithWebhookEvents(
    t,
    {
      statuses: INVITATION_STATUSES,
      arrange: (status) => (path.arrange ?? ownInvitation)(status, path.clock),
      snapshot: path.snapshot ?? ((row) => rowOf(t, 'invitations', row.invitationId)),
      all: path.all,
      each: path.each,
    },
    (row) => row.invitationId
  )

describe('the invitation state machine is the domain’s table (issue 15)', () => {
  it('has a write path here for every event of the table', () => {
    expect(coveredEvents(PATHS)).toEqual([...INVITATION_EVENT_NAMES].sort())
  })

  it.each(pathCases(INVITATION_STATUSES, INVITATION_EVENTS, PATHS))(
    '%s changes the invitation exactly from the event’s from-states',
    async (_, path, from) => {
      const { changed, events } = await changedBy(path)
      expect(changed).toEqual(from)
      // R124: one webhook event per change, of the type the table names (§13.5), none elsewhere.
      expect(events).toEqual(
        expectedWebhookEvents(INVITATION_STATUSES, changed, INVITATION_EVENTS[path.event].webhook)
      )
    }
  )
})

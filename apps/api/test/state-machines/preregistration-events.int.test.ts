import {
  PREREGISTRATION_EVENT_NAMES,
  PREREGISTRATION_EVENTS,
  PREREGISTRATION_STATUSES,
  type PreregistrationEventName,
  type PreregistrationStatus,
} from '@partner-center/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  type PreregistrationFixture,
} from './state-fixtures'
import { changesWithWebhookEvents, expectedWebhookEvents } from './webhook-coverage'

// Issue 15: the domain owns the pre-registration state machine. For every event of
// PREREGISTRATION_EVENTS and every write path that applies it (API, sweeper, data step), a
// pre-registration is put in each status and the path is run: the statuses from which the row
// changed (any column) must be exactly the event's from-states.

let t: TestApp
let owner: Owner
let manager: string
beforeAll(async () => {
  t = await createTestApp()
  owner = await createOwner(t)
  manager = await t.signIn('manager@ecosystem.example')
})
afterAll(async () => {
  await t?.close()
})

const DAY = 86_400_000

interface Arranged {
  preregistrationId: string
  email: string
  /** The raw token of the row's live invitation, when the arrangement made one. */
  token?: string
}

/** Which of the row's two clocks has run out (P7 reads the review's, P8 the validity's). */
type Clocks = Pick<PreregistrationFixture, 'reviewClock' | 'validityClock'>

type Arrangement = (status: PreregistrationStatus, clocks: Clocks) => Promise<Arranged>

const ageOf = (days: number) => new Date(t.clock.now().getTime() - days * DAY)
const olderForm = (email: string) => email.replace(/^./, (c) => c.toUpperCase())

/** A row of the partner in `status`. */
const ownRow: Arrangement = async (status, clocks) => {
  const email = caseEmail(`p.${status}`)
  return {
    preregistrationId: await insertPreregistration(t, owner, { status, email, ...clocks }),
    email,
  }
}

/** A row with a live invitation (SENT, a token a day old), for acceptance. */
const invitedRow: Arrangement = async (status, clocks) => {
  const arranged = await ownRow(status, clocks)
  const invitation = await insertInvitation(t, owner, {
    status: 'SENT',
    preregistrationId: arranged.preregistrationId,
    email: arranged.email,
  })
  return { ...arranged, token: invitation.token }
}

/**
 * A row sharing its address with another holding row whose stored canonical form is older
 * (capitals kept): the identity step moves that one to the current form, so the two collide.
 * `newer`: the case's row is the newer one (it gives way, P11); else the older one (it keeps the
 * identity while holding, or is written EXPIRED when its own clock ran out, P7/P8).
 */
const collidingRow =
  (newer: boolean): Arrangement =>
  async (status, clocks) => {
    const email = caseEmail(`k.${status}`)
    await insertPreregistration(t, owner, {
      status: 'PRE_REGISTERED',
      email: olderForm(email),
      emailCanonical: olderForm(email),
      createdAt: ageOf(newer ? 3 : 2),
    })
    const preregistrationId = await insertPreregistration(t, owner, {
      status,
      email,
      createdAt: ageOf(newer ? 2 : 3),
      ...clocks,
    })
    return { preregistrationId, email }
  }

/** A row whose stored canonical email is in an older form. */
const oldFormRow: Arrangement = async (status, clocks) => {
  const email = caseEmail(`c.${status}`)
  const preregistrationId = await insertPreregistration(t, owner, {
    status,
    email: olderForm(email),
    emailCanonical: olderForm(email),
    ...clocks,
  })
  return { preregistrationId, email }
}

const review = (decision: 'approve' | 'reject') => async (arranged: Arranged) =>
  noServerError(
    await t.call('POST', `/api/v1/admin/preregistrations/${arranged.preregistrationId}/review`, {
      token: manager,
      body: decision === 'reject' ? { decision, note: 'Not our customer' } : { decision },
    })
  )
const deleteOne = async ({ preregistrationId }: Arranged) =>
  noServerError(await deletePreregistration(t, owner, preregistrationId))
const deleteBatch = async ({ preregistrationId }: Arranged) =>
  noServerError(await batchDeletePreregistrations(t, owner, [preregistrationId]))
// R28: pre-registering the same address writes lapsed holders EXPIRED first.
const preregisterAgain = async ({ email }: Arranged) =>
  noServerError(
    await t.call('POST', `${CD}/preregistrations`, {
      token: owner.token,
      body: { customerName: 'State Machine Again', email },
    })
  )
const accept = async ({ email, token }: Arranged) => {
  const customer = await signedInCustomer(t, email)
  noServerError(
    await t.call('POST', '/api/v1/public/invitations/accept', {
      token: customer.token,
      body: { token, instructionsAccepted: true },
    })
  )
}
// Link acceptances through one link of the owner (issue 20): by the row's customer (P9a) or
// by a customer without a row of the partner (P9b creates one; the arranged row stays).
let ownerLink: Promise<string> | undefined
const acceptThroughLink = (options: { sameCustomer: boolean }) => async (arranged: Arranged) => {
  ownerLink ??= insertInvitationLink(t, {
    partnerId: owner.partnerId,
    createdByUserId: owner.userId,
  }).then((link) => link.code)
  const email = options.sameCustomer ? arranged.email : caseEmail('link.other')
  const customer = await linkCustomer(t, email)
  noServerError(
    await t.call('POST', `${PUBLIC_LINKS}/accept`, {
      token: customer.token,
      body: { code: await ownerLink, instructionsAccepted: true },
    })
  )
}
const sweep = async () => void (await sweepExpiredRecords(t.database.db, t.clock.now()))
const identityStep = async () => runIdentityStep(t)

/** One write path of one event: how rows are arranged, and what runs against them. */
interface WritePath extends CoveredPath<PreregistrationEventName, PreregistrationStatus> {
  clocks?: Clocks
  arrange?: Arrangement
  each?: (arranged: Arranged) => Promise<void>
  /** Runs once for all rows: the sweeper and the data step. */
  all?: () => Promise<void>
}

const REVIEW_LAPSED: Clocks = { reviewClock: 'lapsed' satisfies Clock }
const VALIDITY_LAPSED: Clocks = { validityClock: 'lapsed' satisfies Clock }

const PATHS: WritePath[] = [
  { event: 'REVIEW_APPROVED', via: 'POST …/admin/…/review', each: review('approve') },
  { event: 'REVIEW_REJECTED', via: 'POST …/admin/…/review', each: review('reject') },
  { event: 'REVIEW_LAPSED', via: 'the sweeper', clocks: REVIEW_LAPSED, all: sweep },
  { event: 'REVIEW_LAPSED', via: 'the sweeper, not yet due', all: sweep, expected: [] },
  {
    event: 'REVIEW_LAPSED',
    via: 'POST …/preregistrations (R28)',
    clocks: REVIEW_LAPSED,
    each: preregisterAgain,
  },
  {
    event: 'REVIEW_LAPSED',
    via: 'the identity data step',
    clocks: REVIEW_LAPSED,
    arrange: collidingRow(false),
    all: identityStep,
  },
  { event: 'VALIDITY_LAPSED', via: 'the sweeper', clocks: VALIDITY_LAPSED, all: sweep },
  {
    event: 'VALIDITY_LAPSED',
    via: 'POST …/preregistrations (R28)',
    clocks: VALIDITY_LAPSED,
    each: preregisterAgain,
  },
  {
    event: 'VALIDITY_LAPSED',
    via: 'the identity data step',
    clocks: VALIDITY_LAPSED,
    arrange: collidingRow(false),
    all: identityStep,
  },
  {
    event: 'CONVERTED',
    via: 'POST …/public/invitations/accept',
    arrange: invitedRow,
    each: accept,
  },
  {
    event: 'LINK_CONVERTED',
    via: 'POST …/public/invitation-links/accept',
    each: acceptThroughLink({ sameCustomer: true }),
  },
  {
    event: 'LINK_CREATED_CONVERTED',
    via: 'POST …/public/invitation-links/accept (a customer without a row)',
    each: acceptThroughLink({ sameCustomer: false }),
  },
  { event: 'DELETED', via: 'DELETE …/preregistrations/{id}', each: deleteOne },
  { event: 'DELETED', via: 'POST …/preregistrations/batch-delete', each: deleteBatch },
  {
    event: 'IDENTITY_MERGED',
    via: 'the identity data step',
    arrange: collidingRow(true),
    all: identityStep,
  },
  { event: 'CANONICALISED', via: 'the identity data step', arrange: oldFormRow, all: identityStep },
]

const changedBy = (path: WritePath) =>
  changesWithWebhookEvents(
    t,
    {
      statuses: PREREGISTRATION_STATUSES,
      arrange: (status) => (path.arrange ?? ownRow)(status, path.clocks ?? {}),
      snapshot: (row) => rowOf(t, 'pre_registrations', row.preregistrationId),
      all: path.all,
      each: path.each,
    },
    (row) => row.preregistrationId
  )

describe('the pre-registration state machine is the domain’s table (issue 15)', () => {
  it('has a write path here for every event of the table', () => {
    expect(coveredEvents(PATHS)).toEqual([...PREREGISTRATION_EVENT_NAMES].sort())
  })

  it.each(pathCases(PREREGISTRATION_STATUSES, PREREGISTRATION_EVENTS, PATHS))(
    '%s changes the pre-registration exactly from the event’s from-states',
    async (_, path, from) => {
      const { changed, events } = await changedBy(path)
      expect(changed).toEqual(from)
      // R124: one webhook event per change, of the type the table names (§13.5), none elsewhere.
      expect(events).toEqual(
        expectedWebhookEvents(
          PREREGISTRATION_STATUSES,
          changed,
          PREREGISTRATION_EVENTS[path.event].webhook
        )
      )
    }
  )
})

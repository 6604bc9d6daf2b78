import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { account, at, partner, preregistration, uuid } from '../../test/fixtures'
import { decideAcceptance } from '../association/decide-acceptance'
import type { InvitationSnapshot, PreregistrationSnapshot } from '../core/entities'
import { DAY_MS, MINUTE_MS } from '../core/time'
import { decideDeletion } from '../preregistration/decide-deletion'
import { createQueuedInvitation } from './create-invitation'
import { decideInvitationBatch } from './decide-invitation-batch'
import { isInvitationLive, isLiveInvitationStatus } from './invitation-status'
import type { InvitationEvent } from './transition-invitation'
import { transitionInvitation } from './transition-invitation'

// Model-based test (fast-check commands): an in-memory "database" that persists exactly what the
// pure rules decide, driven by random sequences of invite/resend, delivery, accept, time, sweep
// and delete. The model only counts what must have happened; invariants are checked after
// every command.

const EMAIL = 'fresh.eligible@customer.example'

interface World {
  now: Date
  preregistration: PreregistrationSnapshot
  invitations: InvitationSnapshot[]
  associations: { id: string; invitationId: string; customerAccountId: string }[]
  nextId: number
}

interface Model {
  associations: number
  invitations: number
}

function apply(world: World, index: number, event: InvitationEvent): boolean {
  const current = world.invitations[index]
  if (current === undefined) return false
  const next = transitionInvitation(current, event, world.now)
  if (next.ok) world.invitations[index] = next.value
  return next.ok
}

// R39/R80: write EXPIRED for every live row whose expiresAt has passed.
function sweep(world: World) {
  world.invitations.forEach((inv, i) => {
    if (isLiveInvitationStatus(inv.status) && !isInvitationLive(inv, world.now)) {
      check(apply(world, i, { type: 'EXPIRE' }), 'transition applies')
    }
  })
}

function checkInvariants(world: World, model: Model) {
  const live = world.invitations.filter((inv) => isInvitationLive(inv, world.now))
  check(live.length <= 1, 'at most one live invitation per pre-registration')
  const accepted = world.invitations.filter((inv) => inv.status === 'ACCEPTED')
  check(accepted.length === world.associations.length, 'one association per accepted invitation')
  for (const inv of accepted) {
    const own = world.associations.filter(
      (a) => a.id === inv.associationId && a.invitationId === inv.id
    )
    check(own.length === 1, 'the accepted invitation points at its association')
  }
  check(world.associations.length <= 1, 'at most one active association per account')
  check(world.associations.length === model.associations, 'model and store agree on associations')
  check(world.invitations.length === model.invitations, 'model and store agree on invitations')
}

type Command = fc.Command<Model, World>

// Commands run outside a test block, so they assert by throwing; fast-check reports the failing
// command sequence and the test's own `expect` fails with it.
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`invariant broken: ${message}`)
}

class Invite implements Command {
  check = () => true
  run(model: Model, world: World) {
    const latest = world.invitations.at(-1)
    const decision = decideInvitationBatch({
      preregistrationIds: [world.preregistration.id],
      kind: latest ? 'RESEND' : 'INVITE',
      partner: partner(),
      preregistrations: [world.preregistration],
      latestInvitationAt: latest ? { [world.preregistration.id]: latest.createdAt } : {},
      recipientInvitationTimes: { [EMAIL]: world.invitations.map((inv) => inv.createdAt) },
      partnerInvitationTimes: world.invitations.map((inv) => inv.createdAt),
      now: world.now,
    })
    check(decision.ok, 'a single-row request is always valid')
    if (!decision.ok || decision.value.results[0]?.outcome !== 'QUEUED') return
    sweep(world)
    const id = `invitation-${world.nextId++}`
    const previous = world.invitations.findIndex((inv) => isInvitationLive(inv, world.now))
    if (previous >= 0)
      check(
        apply(world, previous, { type: 'SUPERSEDED', byInvitationId: id }),
        'transition applies'
      )
    world.invitations.push(
      createQueuedInvitation({
        id,
        batchId: `batch-${id}`,
        createdByUserId: 'user-sales',
        associationType: 'reseller',
        preregistration: {
          ...world.preregistration,
          email: EMAIL,
          emailCanonical: EMAIL,
          locale: 'en',
        },
        supersedesId: previous >= 0 ? (world.invitations[previous]?.id ?? null) : null,
        now: world.now,
      })
    )
    model.invitations++
    checkInvariants(world, model)
  }
  toString = () => 'invite'
}

class Deliver implements Command {
  constructor(readonly outcome: 'ok' | 'temporary' | 'permanent') {}
  check = () => true
  run(model: Model, world: World) {
    const index = world.invitations.findIndex(
      (inv) => inv.status === 'QUEUED' || inv.status === 'SEND_FAILED'
    )
    if (index >= 0 && apply(world, index, { type: 'TOKEN_ISSUED' })) {
      const event: InvitationEvent =
        this.outcome === 'ok'
          ? { type: 'SEND_SUCCEEDED' }
          : { type: 'SEND_FAILED', permanent: this.outcome === 'permanent' }
      check(apply(world, index, event), 'transition applies')
    }
    checkInvariants(world, model)
  }
  toString = () => `deliver(${this.outcome})`
}

class Accept implements Command {
  constructor(
    readonly pick: number,
    readonly eligible: boolean
  ) {}
  check = () => true
  run(model: Model, world: World) {
    const index = world.invitations.length === 0 ? -1 : this.pick % world.invitations.length
    const invitation = world.invitations[index]
    if (invitation === undefined) return
    const customer = account({ id: 'acc-1', emailCanonical: EMAIL, hasUnpaidBills: !this.eligible })
    const decision = decideAcceptance({
      invitation,
      account: customer,
      instructionsAccepted: true,
      partner: partner(),
      preregistration: world.preregistration,
      activeAssociation: world.associations.length > 0 ? { status: 'ACTIVE' } : null,
      otherPartnersHoldingRows: [],
      now: world.now,
    })
    if (decision.ok) {
      const associationId = `association-${world.nextId++}`
      check(
        apply(world, index, { type: 'ACCEPTED', customerAccountId: customer.id, associationId }),
        'transition applies'
      )
      world.associations.push({
        id: associationId,
        invitationId: invitation.id,
        customerAccountId: customer.id,
      })
      world.preregistration = { ...world.preregistration, status: 'CONVERTED' }
      model.associations++
    } else if (decision.error.record) {
      const event = {
        type: 'ASSOCIATION_FAILED',
        customerAccountId: customer.id,
        failureCode: decision.error.code,
      } as const
      check(apply(world, index, event), 'transition applies')
    } else {
      // Not live: the state machine must refuse acceptance too.
      check(
        !apply(world, index, {
          type: 'ACCEPTED',
          customerAccountId: customer.id,
          associationId: 'x',
        }),
        'transition refused'
      )
    }
    checkInvariants(world, model)
  }
  toString = () => `accept(${this.pick}, ${this.eligible})`
}

class Advance implements Command {
  constructor(readonly ms: number) {}
  check = () => true
  run(model: Model, world: World) {
    world.now = new Date(world.now.getTime() + this.ms)
    checkInvariants(world, model)
  }
  toString = () => `advance(${this.ms})`
}

class Sweep implements Command {
  check = () => true
  run(model: Model, world: World) {
    sweep(world)
    checkInvariants(world, model)
  }
  toString = () => 'sweep'
}

class Delete implements Command {
  check = () => true
  run(model: Model, world: World) {
    const actor = { role: 'sales' as const, userId: 'user-sales', partnerId: 'partner-acme' }
    const decision = decideDeletion({ row: world.preregistration, actor, now: world.now })
    if (decision.ok) {
      world.preregistration = { ...world.preregistration, status: 'DELETED' }
      sweep(world)
      world.invitations.forEach((inv, i) => {
        if (isInvitationLive(inv, world.now))
          check(apply(world, i, { type: 'PREREGISTRATION_DELETED' }), 'transition applies')
      })
    }
    checkInvariants(world, model)
  }
  toString = () => 'delete'
}

const commands = [
  fc.constant(new Invite()),
  fc.constantFrom('ok', 'temporary', 'permanent').map((o) => new Deliver(o as 'ok')),
  fc.tuple(fc.nat(10), fc.boolean()).map(([pick, eligible]) => new Accept(pick, eligible)),
  fc
    .oneof(
      fc.integer({ min: MINUTE_MS, max: 30 * MINUTE_MS }),
      fc.integer({ min: DAY_MS, max: 4 * DAY_MS })
    )
    .map((ms) => new Advance(ms)),
  fc.constant(new Sweep()),
  fc.constant(new Delete()),
]

function freshWorld(): World {
  return {
    now: at(0),
    preregistration: preregistration({
      id: uuid(1),
      emailCanonical: EMAIL,
      customerAccountId: 'acc-1',
      validUntil: at(15 * DAY_MS),
    }),
    invitations: [],
    associations: [],
    nextId: 1,
  }
}

describe('invitation lifecycle (model-based)', () => {
  it('walks invite, resend, delivery and acceptance through the pure rules', () => {
    const world = freshWorld()
    const model: Model = { associations: 0, invitations: 0 }
    const script: Command[] = [
      new Invite(),
      new Deliver('ok'),
      new Advance(11 * MINUTE_MS),
      new Invite(),
      new Deliver('temporary'),
      new Deliver('ok'),
      new Accept(0, true),
      new Accept(1, true),
      new Invite(),
    ]
    for (const command of script) command.run(model, world)
    expect(world.invitations.map((inv) => inv.status)).toEqual(['SUPERSEDED', 'ACCEPTED'])
    expect(world.associations).toHaveLength(1)
    expect(world.preregistration.status).toBe('CONVERTED')
  })

  it('keeps at most one live invitation per pre-registration and one association per accepted invitation', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const world = freshWorld()
        fc.modelRun(() => ({ model: { associations: 0, invitations: 0 }, real: world }), cmds)
        expect(world.associations.length).toBeLessThanOrEqual(1)
      }),
      { numRuns: 1000 }
    )
  })
})

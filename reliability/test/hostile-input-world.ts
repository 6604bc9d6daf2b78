import { afterAll, beforeAll } from 'vitest'
import { registerAndAccept, tokenOf } from '../src/customers'
import { call, type Answer } from '../src/http'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import { operationsOf, type OpenApiDocument, type Operation } from '../src/openapi-fuzz'
import {
  CD,
  createPartner,
  customerIdentity,
  insertEcosystemManager,
  signIn,
  type FixturePartner,
} from '../src/seed'
import { RAISED_LIMITS, startTopology, type Topology } from '../src/topology'
import { waitFor } from '../src/wait'

// The world each hostile-input test file starts for itself: a topology with raised limits,
// partners A and B with every role signed in, the ecosystem manager, partner B's
// pre-registrations, batch and delivered links, one accepted customer, and the OpenAPI document.
// Every token it signs in is added to `secrets`, so the file's closing scan looks for it.

/** Partner B's rows and link tokens, made through the API. */
export interface PartnerBData {
  preregistrationIds: string[]
  invitationIds: string[]
  batchIds: string[]
  linkTokens: string[]
}

/** What the world holds once its beforeAll has run. */
export interface StartedWorld {
  topology: Topology
  doc: OpenApiDocument
  operations: Operation[]
  partnerA: FixturePartner
  partnerB: FixturePartner
}

/** A hostile-input world: shared state filled by its beforeAll, and helpers over it. */
export interface HostileInputWorld {
  secrets: Set<string>
  errorBodies: string[]
  tokens: Record<string, string>
  b: PartnerBData
  base: (n: number) => string
  record: (answer: Answer) => void
  tokenFor: (op: Operation) => string | undefined
  concretePath: (op: Operation) => string
  started: () => StartedWorld
}

/** Registers the beforeAll/afterAll that start and stop a world named `name` for this file. */
export function hostileInputWorld(name: string): HostileInputWorld {
  let world: StartedWorld | undefined
  const secrets = new Set<string>()
  const errorBodies: string[] = []
  const tokens: Record<string, string> = {}
  const b: PartnerBData = {
    preregistrationIds: [],
    invitationIds: [],
    batchIds: [],
    linkTokens: [],
  }
  let topology: Topology | undefined

  const base = (n: number) => topology?.apis[n % 2]?.base ?? ''

  beforeAll(async () => {
    topology = await startTopology(name, { apiEnv: RAISED_LIMITS })
    const roles = ['admin', 'sales', 'account_manager', 'read_only']
    const partnerA = await createPartner(base(0), roles)
    const partnerB = await createPartner(base(1), roles)
    for (const [name, partner] of [
      ['A', partnerA],
      ['B', partnerB],
    ] as const) {
      for (const user of partner.users) {
        tokens[`${name}:${user.role}`] = await signIn(base(0), user.email, partner.password)
      }
    }
    const manager = await insertEcosystemManager(topology.sql)
    tokens.manager = await signIn(base(1), manager.email, manager.password)
    // Partner B's data, made through the API: pre-registrations, one batch, delivered links.
    for (let n = 0; n < 6; n++) {
      const who = customerIdentity('hb')
      const created = await call<{ id: string }>(base(n), 'POST', `${CD}/preregistrations`, {
        token: tokens['B:admin'],
        body: { customerName: who.name, email: who.email },
      })
      if (created.status !== 201) throw new Error(`pre-register ${created.status} ${created.text}`)
      b.preregistrationIds.push(created.body.id)
    }
    const answers = await inviteAll([base(0)], tokens['B:admin'] ?? '', b.preregistrationIds)
    b.batchIds.push(...answers.map((a) => a.body.batchId))
    b.invitationIds.push(...queuedIds(answers))
    const rows = await invitationRows(topology.sql, b.invitationIds)
    const sink = topology.sink
    await waitFor('B links delivered', () => rows.every((r) => tokenOf(sink, r.messageId)))
    b.linkTokens.push(...rows.map((r) => tokenOf(sink, r.messageId) ?? ''))
    const first = await registerAndAccept(
      base(1),
      b.linkTokens[0] ?? '',
      customerIdentity('hc').name
    )
    if (!first.session) throw new Error('customer registration failed')
    tokens.customer = first.session
    for (const t of Object.values(tokens)) secrets.add(t)
    const answer = await call<OpenApiDocument>(base(0), 'GET', '/api/openapi.json')
    const doc = answer.body
    world = { topology, doc, operations: operationsOf(doc), partnerA, partnerB }
  })
  afterAll(async () => {
    await topology?.stop()
  })

  return {
    secrets,
    errorBodies,
    tokens,
    b,
    base,
    record(answer: Answer) {
      if (answer.status >= 400 || answer.status === 0) errorBodies.push(answer.text)
    },
    /** The token an operation expects: partner, platform operator or customer. */
    tokenFor(op: Operation): string | undefined {
      if (!op.secured) return undefined
      if (op.path.startsWith('/api/v1/admin')) return tokens.manager
      if (op.path.startsWith('/api/v1/public')) return tokens.customer
      return tokens['A:admin']
    },
    concretePath(op: Operation): string {
      return op.path.replace(/\{[^}]+\}/g, b.preregistrationIds[1] ?? '')
    },
    started() {
      if (!world) throw new Error(`the ${name} world has not started`)
      return world
    },
  }
}

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAndAccept, tokenOf } from '../src/customers'
import { byProfile } from '../src/env'
import { call, countBy, type Answer } from '../src/http'
import { sendOversized } from '../src/oversized-request'
import { countRowsOfEveryTable } from '../src/row-counts'
import { invitationRows, inviteAll, queuedIds } from '../src/invite'
import {
  operationsOf,
  requestsFor,
  type GeneratedRequest,
  type OpenApiDocument,
  type Operation,
} from '../src/openapi-fuzz'
import { writeSection } from '../src/report'
import { scanIsClean, scanText, scanTopology } from '../src/scan'
import {
  CD,
  createPartner,
  customerIdentity,
  insertEcosystemManager,
  signIn,
  type FixturePartner,
} from '../src/seed'
import { LINK_PREFIX, RAISED_LIMITS, startTopology, type Topology } from '../src/topology'
import { waitFor } from '../src/wait'

const GENERATED = byProfile({ fast: 2_000, full: 10_000 })
const SEED = Date.now() % 2_147_483_647
const BODY_LIMIT = 1_048_576

let topology: Topology
let doc: OpenApiDocument
let operations: Operation[]
const secrets = new Set<string>()
const errorBodies: string[] = []
const tokens: Record<string, string> = {}
const b = {
  preregistrationIds: [] as string[],
  invitationIds: [] as string[],
  batchIds: [] as string[],
  linkTokens: [] as string[],
}
let partnerA: FixturePartner
let partnerB: FixturePartner

const base = (n: number) => topology.apis[n % 2]?.base ?? ''

beforeAll(async () => {
  topology = await startTopology('hostile-input', { apiEnv: RAISED_LIMITS })
  const roles = ['admin', 'sales', 'account_manager', 'read_only']
  partnerA = await createPartner(base(0), roles)
  partnerB = await createPartner(base(1), roles)
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
  await waitFor('B links delivered', () => rows.every((r) => tokenOf(topology.sink, r.messageId)))
  b.linkTokens.push(...rows.map((r) => tokenOf(topology.sink, r.messageId) ?? ''))
  const first = await registerAndAccept(base(1), b.linkTokens[0] ?? '', customerIdentity('hc').name)
  if (!first.session) throw new Error('customer registration failed')
  tokens.customer = first.session
  for (const t of Object.values(tokens)) secrets.add(t)
  for (const issued of await issueKeysAndSecrets()) secrets.add(issued)
  const answer = await call<OpenApiDocument>(base(0), 'GET', '/api/openapi.json')
  doc = answer.body
  operations = operationsOf(doc)
})
afterAll(async () => {
  await topology?.stop()
})

/**
 * An API key, and a webhook endpoint's signing secret and its rotated successor, issued through
 * the API so the scans look for them (R144). The endpoint is disabled: no event is delivered.
 */
async function issueKeysAndSecrets(): Promise<string[]> {
  const token = tokens['A:admin']
  const key = await call<{ key: string }>(base(0), 'POST', `${CD}/api-keys`, {
    token,
    body: { name: 'Hostile CRM', role: 'read_only' },
  })
  const endpoint = await call<{ id: string; secret: string }>(
    base(1),
    'POST',
    `${CD}/webhook-endpoints`,
    {
      token,
      body: { url: 'https://hooks.example/in', eventTypes: ['invitation.sent'], enabled: false },
    }
  )
  const rotated = await call<{ secret: string }>(
    base(0),
    'POST',
    `${CD}/webhook-endpoints/${endpoint.body.id}/rotate-secret`,
    { token }
  )
  for (const answer of [key, endpoint, rotated]) {
    if (answer.status >= 300)
      throw new Error(`issue a key or secret: ${answer.status} ${answer.text}`)
  }
  return [key.body.key, endpoint.body.secret, rotated.body.secret]
}

function record(answer: Answer) {
  if (answer.status >= 400 || answer.status === 0) errorBodies.push(answer.text)
}

/** The token an operation expects: partner, platform operator or customer. */
function tokenFor(op: Operation): string | undefined {
  if (!op.secured) return undefined
  if (op.path.startsWith('/api/v1/admin')) return tokens.manager
  if (op.path.startsWith('/api/v1/public')) return tokens.customer
  return tokens['A:admin']
}

function concretePath(op: Operation): string {
  return op.path.replace(/\{[^}]+\}/g, b.preregistrationIds[1] ?? '')
}

describe('bodies over the size limit', () => {
  it('are refused with 413 before any handler runs, with or without Content-Length, and write nothing', async () => {
    const before = await countRowsOfEveryTable(topology.sql)
    const checks: { route: string; variant: string; status: number; code: string | undefined }[] =
      []
    const writeRoutes = operations.filter((op) => op.method !== 'GET')
    const routes = [
      ...writeRoutes.map((op) => ({
        method: op.method,
        path: concretePath(op),
        token: tokenFor(op),
      })),
      { method: 'POST', path: '/api/v1/test/partners', token: undefined },
      { method: 'POST', path: '/api/v1/test/customer-accounts', token: undefined },
    ]
    for (const [i, route] of routes.entries()) {
      const auth: Record<string, string> = route.token
        ? { authorization: `Bearer ${route.token}` }
        : {}
      const variants = [
        ['content-length, invalid JSON', base(i), false, auth],
        ['content-length, no credentials', base(i + 1), false, {}],
        ['chunked, no Content-Length, invalid JSON', base(i), true, auth],
        ['chunked, no credentials', base(i + 1), true, {}],
      ] as const
      for (const [variant, origin, chunked, headers] of variants) {
        const answer = await sendOversized({
          url: `${origin}${route.path}`,
          method: route.method,
          bytes: BODY_LIMIT + 1,
          chunked,
          headers,
        })
        errorBodies.push(answer.text)
        checks.push({
          route: `${route.method} ${route.path}`,
          variant,
          status: answer.status,
          code: answer.code,
        })
      }
    }
    // A valid pre-registration padded past the limit: 413, not the strict schema's 400, no row.
    const who = customerIdentity('pad')
    for (const chunked of [false, true]) {
      const body = Buffer.from(
        JSON.stringify({ customerName: who.name, email: who.email, pad: 'x'.repeat(BODY_LIMIT) })
      )
      const padded = await sendOversized({
        url: `${base(0)}${CD}/preregistrations`,
        method: 'POST',
        chunked,
        headers: { authorization: `Bearer ${tokens['A:admin'] ?? ''}` },
        body,
      })
      errorBodies.push(padded.text)
      checks.push({
        route: `POST ${CD}/preregistrations`,
        variant: `valid fields plus padding${chunked ? ', chunked' : ''}`,
        status: padded.status,
        code: padded.code,
      })
    }
    // Just under the limit is read and validated (400 for the invalid JSON): the limit is exact.
    const under = await call(base(1), 'POST', `${CD}/preregistrations`, {
      token: tokens['A:admin'],
      rawBody: '{'.repeat(BODY_LIMIT - 10),
      headers: { 'content-type': 'application/json' },
    })
    const after = await countRowsOfEveryTable(topology.sql)
    const refused = checks.filter((c) => c.status === 413 && c.code === 'PAYLOAD_TOO_LARGE')
    writeSection('hostileInput', {
      bodyLimit: {
        limitBytes: BODY_LIMIT,
        routes: routes.length,
        checks: checks.length,
        refusedWith413: refused.length,
        notRefused: checks.filter((c) => !(c.status === 413 && c.code === 'PAYLOAD_TOO_LARGE')),
        justUnderLimitStatus: under.status,
        rowsWritten: Object.fromEntries(
          Object.keys(after)
            .filter((k) => after[k] !== before[k])
            .map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])
        ),
      },
    })
    expect(checks.filter((c) => !(c.status === 413 && c.code === 'PAYLOAD_TOO_LARGE'))).toEqual([])
    expect(under.status).toBe(400)
    expect(after).toEqual(before)
  })
})

describe('permission and cross-tenant matrices over every endpoint, across both processes', () => {
  it('answers 401 to missing, wrong-kind and forged credentials on every secured endpoint', async () => {
    const cells: { op: string; credential: string; status: number }[] = []
    for (const [i, op] of operations.filter((o) => o.secured).entries()) {
      const isCustomer = op.path.startsWith('/api/v1/public')
      const wrongKind = isCustomer ? tokens['A:admin'] : tokens.customer
      for (const [credential, token] of [
        ['none', undefined],
        ['forged', 'A'.repeat(43)],
        [isCustomer ? 'partner token' : 'customer token', wrongKind],
      ] as const) {
        // A well-formed body, so the answer is about the credential, not the input.
        const body = op.path.endsWith('/accept')
          ? { token: b.linkTokens[2], instructionsAccepted: true }
          : op.body
            ? {}
            : undefined
        const answer = await call(base(i + cells.length), op.method, concretePath(op), {
          token,
          body,
        })
        record(answer)
        cells.push({ op: `${op.method} ${op.path}`, credential, status: answer.status })
      }
    }
    writeSection('hostileInput', {
      authenticationMatrix: {
        cells: cells.length,
        endpoints: new Set(cells.map((c) => c.op)).size,
        not401: cells.filter((c) => c.status !== 401),
      },
    })
    expect(cells.filter((c) => c.status !== 401)).toEqual([])
  })

  it("never lets partner A's users read or change partner B's rows, whatever the role or process", async () => {
    const snapshot = async () =>
      topology.sql`select id, status, updated_at from pre_registrations where partner_id = ${partnerB.partnerId}
        union all select id, status, updated_at from invitations where partner_id = ${partnerB.partnerId}
        order by id`
    const before = await snapshot()
    const bIds = [...b.preregistrationIds, ...b.invitationIds, ...b.batchIds, partnerB.partnerId]
    const cells: { op: string; role: string; status: number; leaked: boolean }[] = []
    let n = 0
    for (const role of ['admin', 'sales', 'account_manager', 'read_only']) {
      const token = tokens[`A:${role}`]
      for (const op of operations.filter(
        (o) => o.secured && !o.path.startsWith('/api/v1/public')
      )) {
        if (op.path.endsWith('/sign-out')) continue
        const targets = op.pathParams.length ? bIds : [null]
        for (const target of targets) {
          const path = target ? op.path.replace(/\{[^}]+\}/g, target) : op.path
          const body = op.body
            ? {
                preregistrationIds: b.preregistrationIds,
                associationType: 'reseller',
                decision: 'APPROVE',
                customerDevelopmentEnabled: false,
              }
            : undefined
          const answer = await call(base(n++), op.method, path, { token, body })
          record(answer)
          const leaked =
            answer.status >= 200 &&
            answer.status < 300 &&
            bIds.some((id) => answer.text.includes(id)) &&
            !(op.method === 'POST' && /invitations$|batch-delete$/.test(op.path))
          cells.push({ op: `${op.method} ${op.path}`, role, status: answer.status, leaked })
        }
      }
    }
    const after = await snapshot()
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]))
    writeSection('hostileInput', {
      crossTenantMatrix: {
        cells: cells.length,
        endpoints: new Set(cells.map((c) => c.op)).size,
        roles: 4,
        statuses: countBy(cells.map((c) => String(c.status))),
        leaks: cells.filter((c) => c.leaked),
        partnerBRowsChanged: changed.length,
      },
    })
    expect(cells.filter((c) => c.leaked)).toEqual([])
    expect(cells.filter((c) => c.status >= 500)).toEqual([])
    expect(changed).toEqual([])
    expect(after).toHaveLength(before.length)
  })
})

describe('generated hostile requests from the OpenAPI document', () => {
  it(`answers ${GENERATED.toLocaleString('en')} generated requests across every endpoint without a 5xx`, async () => {
    const known = {
      ids: [
        ...b.preregistrationIds,
        ...b.invitationIds,
        ...b.batchIds,
        partnerA.partnerId,
        partnerB.partnerId,
      ],
      tokens: b.linkTokens,
    }
    const auths = ['A:admin', 'A:read_only', 'B:sales', 'manager', 'customer', 'none', 'forged']
    const perOperation = Math.ceil(GENERATED / operations.length)
    const generated: GeneratedRequest[] = []
    operations.forEach((op, i) => {
      // Signing out would end the shared sessions: those endpoints get no valid credential.
      const choices = op.path.endsWith('/sign-out') ? ['none', 'forged'] : auths
      generated.push(
        ...fc.sample(requestsFor(op, doc, known, choices), {
          numRuns: perOperation,
          seed: SEED + i,
        })
      )
    })
    const byOperation: Record<string, Record<string, number>> = {}
    const serverErrors: { request: string; status: number; body: string }[] = []
    let next = 0
    const worker = async (w: number) => {
      while (next < generated.length) {
        const r = generated[next++]
        if (!r) return
        const token =
          r.auth === 'none' ? undefined : r.auth === 'forged' ? 'B'.repeat(43) : tokens[r.auth]
        const answer = await call(base(w + next), r.method, r.path, {
          token,
          headers:
            r.raw !== undefined ? { ...r.headers, 'content-type': 'application/json' } : r.headers,
          ...(r.raw !== undefined
            ? { rawBody: r.raw }
            : r.body !== undefined
              ? { body: r.body }
              : {}),
        })
        record(answer)
        const key = answer.status === 0 ? `network:${answer.networkError}` : String(answer.status)
        const entry = (byOperation[r.operation] ??= {})
        entry[key] = (entry[key] ?? 0) + 1
        if (answer.status >= 500 || answer.status === 0) {
          serverErrors.push({
            request: `${r.method} ${r.path.slice(0, 200)}`,
            status: answer.status,
            body: answer.text.slice(0, 300),
          })
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)))
    writeSection('hostileInput', {
      generated: {
        requests: generated.length,
        seed: SEED,
        operations: operations.length,
        serverErrors: serverErrors.length,
        serverErrorSamples: serverErrors.slice(0, 10),
        byOperation,
      },
    })
    expect(generated.length).toBeGreaterThanOrEqual(GENERATED)
    expect(new Set(generated.map((g) => g.operation)).size).toBe(operations.length)
    expect(serverErrors).toEqual([])
  })
})

describe('scans of the run', () => {
  it('finds planted secrets and customer values, so a clean scan means something', () => {
    const token = b.linkTokens[1] ?? ''
    const who = customerIdentity('planted')
    const found = scanText(
      `x ${token} ${LINK_PREFIX}${token} ${who.email} ${who.name}`,
      new Set([token])
    )
    expect(found).toMatchObject({ rawTokens: 2, links: 1, unmaskedEmails: 1, unmaskedNames: 1 })
  })

  it('finds planted API keys and signing secrets, whole, by their base64 part and by shape', () => {
    const key = `pck_${'Ab1_-'.repeat(8)}xyz`
    const base64 = `${'Q0+/'.repeat(10)}abc=`
    const secret = `whsec_${base64}`
    const issued = new Set([key, secret])
    expect(scanText(`x ${base64} y`, issued).rawTokens).toBe(1)
    expect(scanText(`x ${key} y`, new Set()).rawTokens).toBe(1)
    expect(scanText(`x ${secret} y`, new Set()).rawTokens).toBe(1)
    expect(scanText(`x ${key.slice(0, 12)} whsec_short y`, issued).rawTokens).toBe(0)
  })

  it('leaves no raw token or link anywhere and unmasked customer values only in the contact columns', () => {
    for (const t of b.linkTokens) secrets.add(t)
    const scan = scanTopology(topology, secrets, errorBodies)
    writeSection('hostileInput', { scan })
    expect(scan.dump.rows).toBeGreaterThan(0)
    expect(scanIsClean(scan)).toBe(true)
  })
})

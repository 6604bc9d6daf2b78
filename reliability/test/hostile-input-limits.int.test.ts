import { beforeAll, describe, expect, it } from 'vitest'
import { call, countBy } from '../src/http'
import { sendOversized } from '../src/oversized-request'
import { countRowsOfEveryTable } from '../src/row-counts'
import type { Operation } from '../src/openapi-fuzz'
import { writeSection } from '../src/report'
import { scanIsClean, scanText, scanTopology } from '../src/scan'
import { CD, customerIdentity, type FixturePartner } from '../src/seed'
import { LINK_PREFIX, type Topology } from '../src/topology'
import { hostileInputWorld } from './hostile-input-world'

// Hostile input against fixed requests: bodies over the size limit, and the authentication and
// cross-tenant matrices over every endpoint. The closing scan covers what this file issued.

const BODY_LIMIT = 1_048_576

const world = hostileInputWorld('hostile-input-limits')
const { secrets, errorBodies, tokens, b, base, record, tokenFor, concretePath } = world
let topology: Topology
let operations: Operation[]
let partnerB: FixturePartner

beforeAll(() => {
  ;({ topology, operations, partnerB } = world.started())
})

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
    writeSection('hostileInputLimits', {
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
    writeSection('hostileInputLimits', {
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
    writeSection('hostileInputLimits', {
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

  it('leaves no raw token or link anywhere and unmasked customer values only in the contact columns', () => {
    for (const t of b.linkTokens) secrets.add(t)
    const scan = scanTopology(topology, secrets, errorBodies)
    writeSection('hostileInputLimits', { scan })
    expect(scan.dump.rows).toBeGreaterThan(0)
    expect(scanIsClean(scan)).toBe(true)
  })
})

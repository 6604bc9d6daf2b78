import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { byProfile } from '../src/env'
import { call } from '../src/http'
import {
  requestsFor,
  type GeneratedRequest,
  type OpenApiDocument,
  type Operation,
} from '../src/openapi-fuzz'
import { writeSection } from '../src/report'
import { scanIsClean, scanText, scanTopology } from '../src/scan'
import { CD, type FixturePartner } from '../src/seed'
import type { Topology } from '../src/topology'
import { hostileInputWorld } from './hostile-input-world'

// Generated hostile requests from the OpenAPI document, run while partner A holds an issued API
// key and webhook signing secrets, so the closing scan looks for those too (R144).

const GENERATED = byProfile({ fast: 2_000, full: 10_000 })
const SEED = Date.now() % 2_147_483_647

const world = hostileInputWorld('hostile-input-generated')
const { secrets, errorBodies, tokens, b, base, record } = world
let topology: Topology
let doc: OpenApiDocument
let operations: Operation[]
let partnerA: FixturePartner
let partnerB: FixturePartner

beforeAll(async () => {
  ;({ topology, doc, operations, partnerA, partnerB } = world.started())
  for (const issued of await issueKeysAndSecrets()) secrets.add(issued)
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
    writeSection('hostileInputGenerated', {
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
    writeSection('hostileInputGenerated', { scan })
    expect(scan.dump.rows).toBeGreaterThan(0)
    expect(scanIsClean(scan)).toBe(true)
  })
})

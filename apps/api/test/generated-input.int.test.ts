import {
  BatchDeletePreregistrationsRequest,
  CreatePreregistrationRequest,
  HistoryQuery,
  PreregistrationListQuery,
  PreviewInvitationRequest,
  ReviewPreregistrationRequest,
  SendInvitationsRequest,
  UpdatePartnerRequest,
} from '@partner-center/contracts'
import { validatePreregistrationInput } from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import fc from 'fast-check'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, leakedSecrets, I, P, signInAll, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let tokens: Record<string, string> = {}
let requests = 0

beforeAll(async () => {
  t = await createTestApp()
  tokens = await signInAll(t, ['admin@acme.example', 'manager@ecosystem.example'])
})
afterAll(async () => {
  await t.close()
})

const RUNS = 250
const ids = [P('P01'), P('P05'), I('P03-1'), '00000000-0000-4000-8000-000000000000']
// Values near the real shapes, so the generator also probes the inner rules, not only JSON.
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    ...ids,
    'reseller',
    'referral',
    'en',
    'zh-CN',
    '',
    'a@b.example',
    '+8613800000002'
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null)
)
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 })
)
const keys = [
  'preregistrationIds',
  'associationType',
  'customerName',
  'email',
  'mobile',
  'locale',
  'preregistrationId',
  'decision',
  'note',
  'status',
  'partnerId',
  'isPrepaid',
  'dailyInviteCap',
  'contactEmail',
]
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 }),
  fc.string({ maxLength: 30 }),
  value
)
const query = fc.dictionary(
  fc.constantFrom('page', 'pageSize', 'q', 'status', 'reveal', 'partnerId'),
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('0', '101', 'name,password', 'PRE_REGISTERED,', 'x')
  ),
  { maxKeys: 4 }
)

/** True when the input could be accepted: such samples are not "bad input" and are skipped. */
const accepts = (schema: z.ZodType, input: unknown) => schema.safeParse(input).success

async function expectRejected(method: string, path: string, input: unknown, token: string) {
  requests++
  const response = await t.call(method, path, {
    token,
    body: typeof input === 'string' ? input : (input ?? {}),
  })
  expect(response.status).toBeLessThan(500)
  expect(response.status).toBeGreaterThanOrEqual(400)
}

describe('generated bad input against every endpoint (R4)', () => {
  it('answers every bad body with a 4xx and changes no row', async () => {
    const before = await t.countRows()
    const admin = tokens['admin@acme.example']!
    const manager = tokens['manager@ecosystem.example']!
    const bodyCases: [string, string, z.ZodType, string, ((input: unknown) => boolean)?][] = [
      [
        'POST',
        `${CD}/preregistrations`,
        CreatePreregistrationRequest,
        admin,
        (input) => validatePreregistrationInput(input as never, { normalizeMobile }).ok,
      ],
      ['POST', `${CD}/preregistrations/batch-delete`, BatchDeletePreregistrationsRequest, admin],
      ['POST', `${CD}/invitations`, SendInvitationsRequest, admin],
      ['POST', `${CD}/invitations/preview`, PreviewInvitationRequest, admin],
      [
        'PATCH',
        `/api/v1/admin/partners/${'00000000-0000-4000-8000-000000000000'}`,
        UpdatePartnerRequest,
        manager,
      ],
      [
        'POST',
        `/api/v1/admin/preregistrations/${P('P06')}/review`,
        ReviewPreregistrationRequest,
        manager,
      ],
    ]
    for (const [method, path, schema, token, alsoValid] of bodyCases) {
      await fc.assert(
        fc.asyncProperty(body, async (input) => {
          const parsed = typeof input === 'string' ? undefined : input
          if (parsed !== undefined && accepts(schema, parsed) && (alsoValid?.(parsed) ?? true))
            return
          await expectRejected(method, path, input, token)
        }),
        { numRuns: RUNS }
      )
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 50 }), async (id) => {
        const path = encodeURIComponent(id)
        for (const [method, url] of [
          ['DELETE', `${CD}/preregistrations/${path}`],
          ['POST', `${CD}/invitations/${path}/resend`],
          ['GET', `${CD}/invitation-batches/${path}`],
        ] as const) {
          requests++
          const response = await t.call(method, url, { token: admin })
          expect([400, 404]).toContain(response.status)
        }
      }),
      { numRuns: 150 }
    )
    for (const [path, schema] of [
      [`${CD}/preregistrations`, PreregistrationListQuery],
      [`${CD}/history`, HistoryQuery],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(query, async (params) => {
          if (accepts(schema, params)) return
          requests++
          const response = await t.call(
            'GET',
            `${path}?${new URLSearchParams(params).toString()}`,
            { token: admin }
          )
          expect(response.status).toBe(400)
        }),
        { numRuns: RUNS }
      )
    }
    expect(await t.countRows()).toEqual(before)
    expect(requests).toBeGreaterThanOrEqual(2000)
  }, 150_000)

  it('leaks no token into the logs', () => {
    expect(leakedSecrets(t, Object.values(tokens))).toEqual([])
  })
})

import { ErrorBody } from '@partner-center/contracts'
import { WEBHOOK_EVENT_TYPES } from '@partner-center/domain'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, type TestApp } from './helpers'
import { createTestApp } from './test-app'

let t: TestApp
let document: Record<string, unknown>

beforeAll(async () => {
  t = await createTestApp()
  document = (await (await t.app.request('/api/openapi.json')).json()) as Record<string, unknown>
})
afterAll(async () => {
  await t.close()
})

/** Every `$ref` of a JSON value. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf)
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : refsOf(item)
  )
}

describe('the OpenAPI document (issue 13 item 8)', () => {
  it('is a valid OpenAPI 3.1 document whose every reference resolves', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(document))
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes every error answer with the ErrorBody schema it emits', () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas
    expect(refsOf(document)).toContain('#/components/schemas/ErrorBody')
    expect(schemas.ErrorBody).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: expect.arrayContaining(['code', 'message', 'requestId']) as unknown,
        },
      },
    })
  })

  it('matches what the API really answers on an error', async () => {
    const answers = [
      await t.call('GET', `${CD}/preregistrations`),
      await t.call('GET', '/api/v1/nowhere'),
      await t.call('POST', '/api/v1/auth/sign-in', { body: { email: 'x' } }),
    ]
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(ErrorBody.safeParse(answer.body).success).toBe(true)
    }
  })
})

describe('the webhooks a receiver gets (docs/domain.md §13, the route table and OpenAPI rule)', () => {
  interface WebhookOperation {
    parameters: { name: string; in: string; required: boolean }[]
    requestBody: { content: { 'application/json': { schema: { $ref: string } } } }
  }
  const webhooks = () => document.webhooks as Record<string, { post: WebhookOperation }>

  it('holds one entry per event type of the catalogue and webhook.test, and nothing else', () => {
    expect(Object.keys(webhooks()).sort()).toEqual([...WEBHOOK_EVENT_TYPES, 'webhook.test'].sort())
  })

  it('gives each its body schema from the contracts and the three webhook-* headers', () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas
    for (const [type, item] of Object.entries(webhooks())) {
      const ref = item.post.requestBody.content['application/json'].schema.$ref
      expect(ref).toBe(`#/components/schemas/WebhookEvent_${type.replace('.', '_')}`)
      expect(schemas[ref.split('/').at(-1) ?? '']).toBeDefined()
      expect(item.post.parameters.map((p) => [p.in, p.name, p.required])).toEqual([
        ['header', 'webhook-id', true],
        ['header', 'webhook-timestamp', true],
        ['header', 'webhook-signature', true],
      ])
    }
  })
})

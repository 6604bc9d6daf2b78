import { z, type OpenAPIHono } from '@hono/zod-openapi'
import { WEBHOOK_EVENT_BODIES, WebhookTestEventBody } from '@partner-center/contracts'
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT_TYPE } from '@partner-center/domain'
import type { AppEnv } from '../deps'
import { jsonBody } from './validation'

// The OpenAPI document's top-level `webhooks` (domain.md R147): what a receiver gets, one entry
// per type of §13.5 and `webhook.test`, with the body schema and the Standard Webhooks headers.

const WebhookHeaders = z.object({
  'webhook-id': z
    .string()
    .meta({ description: 'evt_{eventId}: the same on every attempt, Redeliver and endpoint' }),
  'webhook-timestamp': z
    .string()
    .meta({ description: "The attempt's start in integer Unix seconds" }),
  'webhook-signature': z.string().meta({
    description:
      'v1,{base64 HMAC-SHA-256 of id.timestamp.body}; two, space-separated, during a rotation',
  }),
})

function register(app: OpenAPIHono<AppEnv>, type: string, body: z.ZodType) {
  app.openAPIRegistry.registerWebhook({
    method: 'post',
    path: type,
    summary: `The ${type} event`,
    description:
      'Verify the signature with a Standard Webhooks library; drop duplicates by webhook-id and order by entity.version.',
    request: { headers: WebhookHeaders, body: jsonBody(body) },
    responses: { 200: { description: 'Any 2xx within the timeout: delivered' } },
  })
}

/**
 * Registers the `webhooks` of the OpenAPI document: each catalogue type with its body schema
 * from `@partner-center/contracts`, then `webhook.test`.
 *
 * @example
 * registerWebhookEvents(app) // document.webhooks['invitation.sent']
 */
export function registerWebhookEvents(app: OpenAPIHono<AppEnv>): void {
  for (const type of WEBHOOK_EVENT_TYPES) register(app, type, WEBHOOK_EVENT_BODIES[type])
  register(app, WEBHOOK_TEST_EVENT_TYPE, WebhookTestEventBody)
}

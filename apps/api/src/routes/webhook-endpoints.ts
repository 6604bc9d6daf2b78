import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import {
  CreateWebhookEndpointRequest,
  CreatedWebhookEndpoint,
  RotatedWebhookSecret,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookDeliveryListQuery,
  WebhookDeliveryPage,
  WebhookEndpointItem,
  WebhookEndpointListQuery,
  WebhookEndpointPage,
  WebhookTestEventAnswer,
} from '@partner-center/contracts'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard } from '../middleware/guards'
import { createWebhookEndpoint } from '../use-cases/create-webhook-endpoint'
import { deleteWebhookEndpoint } from '../use-cases/delete-webhook-endpoint'
import { findWebhookDeliveries, getWebhookDelivery } from '../use-cases/find-webhook-deliveries'
import { findWebhookEndpoints, getWebhookEndpoint } from '../use-cases/find-webhook-endpoints'
import { redeliverWebhookDelivery } from '../use-cases/redeliver-webhook-delivery'
import { rotateWebhookSecret } from '../use-cases/rotate-webhook-secret'
import { sendWebhookTestEvent } from '../use-cases/send-webhook-test-event'
import { changeWebhookEndpoint } from '../use-cases/change-webhook-endpoint'
import {
  partnerConfigurationOwner,
  type ConfigurationOwner,
} from '../use-cases/configuration-owner'
import { IdParam } from './preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const DeliveryParam = z.object({ id: z.string().max(100), deliveryId: z.string().max(100) })

/** The route table's names of one side's nine endpoint routes (partner, or the platform's twins). */
export interface WebhookRouteNames {
  list: 'findWebhookEndpoints' | 'findPlatformWebhookEndpoints'
  create: 'createWebhookEndpoint' | 'createPlatformWebhookEndpoint'
  get: 'getWebhookEndpoint' | 'getPlatformWebhookEndpoint'
  update: 'updateWebhookEndpoint' | 'updatePlatformWebhookEndpoint'
  remove: 'deleteWebhookEndpoint' | 'deletePlatformWebhookEndpoint'
  rotate: 'rotateWebhookSecret' | 'rotatePlatformWebhookSecret'
  test: 'sendWebhookTestEvent' | 'sendPlatformWebhookTestEvent'
  deliveries: 'findWebhookDeliveries' | 'findPlatformWebhookDeliveries'
  delivery: 'getWebhookDelivery' | 'getPlatformWebhookDelivery'
  redeliver: 'redeliverWebhookDelivery' | 'redeliverPlatformWebhookDelivery'
}

/** One side of the webhook endpoint API: its routes, guard, owner and OpenAPI tag. */
export interface WebhookSide {
  names: WebhookRouteNames
  tags: string[]
  guard: MiddlewareHandler<AppEnv>
  owner: (c: Context<AppEnv>) => ConfigurationOwner
}

/** The route definitions of one side (domain.md §13.2.3), all with the side's guard first. */
function webhookRoutes({ names, tags, guard }: WebhookSide) {
  const middleware = guard
  return {
    list: createRoute({
      ...routeOf(names.list),
      tags,
      summary: 'Webhook endpoints, newest first (never a signing secret)',
      middleware,
      request: { query: WebhookEndpointListQuery },
      responses: {
        200: { description: 'A page', content: jsonContent(WebhookEndpointPage) },
        ...errorResponses(400, 401, 403),
      },
    }),
    create: createRoute({
      ...routeOf(names.create),
      tags,
      summary: 'Add an endpoint; its signing secret is answered this once (no-store)',
      middleware,
      request: { body: jsonBody(CreateWebhookEndpointRequest) },
      responses: {
        201: {
          description: 'Created, with the secret',
          content: jsonContent(CreatedWebhookEndpoint),
        },
        ...errorResponses(400, 401, 403, 409, 422),
      },
    }),
    get: createRoute({
      ...routeOf(names.get),
      tags,
      summary: 'One endpoint (never its signing secret)',
      middleware,
      request: { params: IdParam },
      responses: {
        200: { description: 'The endpoint', content: jsonContent(WebhookEndpointItem) },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    update: createRoute({
      ...routeOf(names.update),
      tags,
      summary: 'Change the URL, event types, description or the enabled switch',
      middleware,
      request: { params: IdParam, body: jsonBody(UpdateWebhookEndpointRequest) },
      responses: {
        200: { description: 'The endpoint', content: jsonContent(WebhookEndpointItem) },
        ...errorResponses(400, 401, 403, 404, 422),
      },
    }),
    remove: createRoute({
      ...routeOf(names.remove),
      tags,
      summary: 'Delete an endpoint; its pending deliveries are cancelled',
      middleware,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404) },
    }),
    rotate: createRoute({
      ...routeOf(names.rotate),
      tags,
      summary: 'Rotate the signing secret; the old one signs too for the overlap (no-store)',
      middleware,
      request: { params: IdParam },
      responses: {
        200: { description: 'The new secret', content: jsonContent(RotatedWebhookSecret) },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    test: createRoute({
      ...routeOf(names.test),
      tags,
      summary: 'Send a webhook.test event to this endpoint only (one attempt)',
      middleware,
      request: { params: IdParam },
      responses: {
        202: { description: 'Queued', content: jsonContent(WebhookTestEventAnswer) },
        ...errorResponses(400, 401, 403, 404, 409, 429),
      },
    }),
    deliveries: createRoute({
      ...routeOf(names.deliveries),
      tags,
      summary: "The endpoint's delivery log, newest first",
      middleware,
      request: { params: IdParam, query: WebhookDeliveryListQuery },
      responses: {
        200: { description: 'A page', content: jsonContent(WebhookDeliveryPage) },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    delivery: createRoute({
      ...routeOf(names.delivery),
      tags,
      summary: 'One delivery with every attempt and the body sent',
      middleware,
      request: { params: DeliveryParam },
      responses: {
        200: { description: 'The delivery', content: jsonContent(WebhookDeliveryDetail) },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    redeliver: createRoute({
      ...routeOf(names.redeliver),
      tags,
      summary: 'Send a delivery again with the same webhook-id and body',
      middleware,
      request: { params: DeliveryParam },
      responses: {
        202: { description: 'Queued again', content: jsonContent(WebhookDeliveryItem) },
        ...errorResponses(400, 401, 403, 404, 409),
      },
    }),
  }
}

/**
 * The webhook endpoint API of one side (domain.md §13.2.3, R126–R138): a partner's endpoints
 * under `{cd}` or the platform's under `{admin}`. The secret is answered only by the creation and
 * a rotation, both `Cache-Control: no-store` (R128).
 */
export function createWebhookEndpointRouter(deps: AppDeps, side: WebhookSide) {
  const routes = webhookRoutes(side)
  const { owner } = side
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(routes.list, async (c) => {
      const page = await findWebhookEndpoints(deps, { owner: owner(c), ...c.req.valid('query') })
      return c.json(page, 200)
    })
    .openapi(routes.create, async (c) => {
      const created = await createWebhookEndpoint(deps, {
        owner: owner(c),
        requestId: c.get('requestId'),
        ...c.req.valid('json'),
      })
      c.header('cache-control', 'no-store')
      return c.json(created, 201)
    })
    .openapi(routes.get, async (c) => {
      const item = await getWebhookEndpoint(deps, { owner: owner(c), id: c.req.valid('param').id })
      return c.json(item, 200)
    })
    .openapi(routes.update, async (c) => {
      const item = await changeWebhookEndpoint(deps, {
        owner: owner(c),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
        ...c.req.valid('json'),
      })
      return c.json(item, 200)
    })
    .openapi(routes.remove, async (c) => {
      await deleteWebhookEndpoint(deps, {
        owner: owner(c),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
      })
      return c.body(null, 204)
    })
    .openapi(routes.rotate, async (c) => {
      const rotated = await rotateWebhookSecret(deps, {
        owner: owner(c),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
      })
      c.header('cache-control', 'no-store')
      return c.json(rotated, 200)
    })
    .openapi(routes.test, async (c) => {
      const answer = await sendWebhookTestEvent(deps, {
        owner: owner(c),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
      })
      return c.json(answer, 202)
    })
    .openapi(routes.deliveries, async (c) => {
      const page = await findWebhookDeliveries(deps, {
        owner: owner(c),
        id: c.req.valid('param').id,
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    })
    .openapi(routes.delivery, async (c) => {
      const detail = await getWebhookDelivery(deps, { owner: owner(c), ...c.req.valid('param') })
      return c.json(detail, 200)
    })
    .openapi(routes.redeliver, async (c) => {
      const item = await redeliverWebhookDelivery(deps, {
        owner: owner(c),
        requestId: c.get('requestId'),
        ...c.req.valid('param'),
      })
      return c.json(item, 202)
    })
}

/**
 * Partner webhook endpoints under `{cd}/webhook-endpoints…`, managed by a partner admin signed in
 * as a person (`custdev.webhooks.manage`; the route table refuses API keys before the guard).
 */
export function createWebhookEndpointRoutes(deps: AppDeps) {
  return createWebhookEndpointRouter(deps, {
    names: {
      list: 'findWebhookEndpoints',
      create: 'createWebhookEndpoint',
      get: 'getWebhookEndpoint',
      update: 'updateWebhookEndpoint',
      remove: 'deleteWebhookEndpoint',
      rotate: 'rotateWebhookSecret',
      test: 'sendWebhookTestEvent',
      deliveries: 'findWebhookDeliveries',
      delivery: 'getWebhookDelivery',
      redeliver: 'redeliverWebhookDelivery',
    },
    tags: ['Webhooks'],
    guard: partnerGuard('custdev.webhooks.manage'),
    owner: (c) => partnerConfigurationOwner(c.get('partnerScope')),
  })
}

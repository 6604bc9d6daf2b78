import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import {
  BatchDeletePreregistrationsRequest,
  BatchDeletePreregistrationsResponse,
  CreatePreregistrationRequest,
  DeletePreregistrationResponse,
  PreregistrationItem,
  PreregistrationListQuery,
  PreregistrationPage,
} from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard, revealGuard } from '../middleware/guards'
import { preregistrationRateLimit } from '../middleware/preregistration-rate-limit'
import { createPreregistration } from '../use-cases/create-preregistration'
import { deletePreregistration } from '../use-cases/delete-preregistration'
import { deletePreregistrations } from '../use-cases/delete-preregistrations'
import { findPreregistrations } from '../use-cases/find-preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const tags = ['Customer Development']
/** Any string: a malformed id answers 404 like an unknown one (R2), not 400. */
export const IdParam = z.object({ id: z.string().max(100) })

const listRoute = createRoute({
  ...routeOf('findPreregistrations'),
  tags,
  summary: 'List pre-registered customers (masked unless revealed)',
  middleware: [partnerGuard('custdev.view'), revealGuard()] as const,
  request: { query: PreregistrationListQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(PreregistrationPage) },
    ...errorResponses(400, 401, 403),
  },
})

/** The create route; its attempt limit needs the deps (R59a). */
const createRouteDef = (deps: AppDeps) =>
  createRoute({
    ...routeOf('createPreregistration'),
    tags,
    summary: 'Pre-register a customer',
    middleware: [partnerGuard('custdev.preregister'), preregistrationRateLimit(deps)] as const,
    request: { body: jsonBody(CreatePreregistrationRequest) },
    responses: {
      201: { description: 'Created', content: jsonContent(PreregistrationItem) },
      ...errorResponses(400, 401, 403, 409, 422, 429),
    },
  })

const deleteRoute = createRoute({
  ...routeOf('deletePreregistration'),
  tags,
  summary: 'Delete a pre-registration (its live invitation is withdrawn)',
  middleware: [partnerGuard('custdev.preregister.delete')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'Deleted', content: jsonContent(DeletePreregistrationResponse) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const batchDeleteRoute = createRoute({
  ...routeOf('batchDeletePreregistrations'),
  tags,
  summary: 'Delete up to 100 pre-registrations; each id decided on its own',
  middleware: [partnerGuard('custdev.preregister.delete')] as const,
  request: { body: jsonBody(BatchDeletePreregistrationsRequest) },
  responses: {
    200: { description: 'Outcomes', content: jsonContent(BatchDeletePreregistrationsResponse) },
    ...errorResponses(400, 401, 403),
  },
})

/** The customer list, pre-registering and deleting (domain.md R19–R35). */
export function createPreregistrationRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(listRoute, async (c) => {
      const page = await findPreregistrations(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    })
    .openapi(batchDeleteRoute, async (c) => {
      const result = await deletePreregistrations(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        ...c.req.valid('json'),
      })
      return c.json(result, 200)
    })
    .openapi(createRouteDef(deps), async (c) => {
      const item = await createPreregistration(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        ...c.req.valid('json'),
      })
      return c.json(item, 201)
    })
    .openapi(deleteRoute, async (c) => {
      const result = await deletePreregistration(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
      })
      return c.json(result, 200)
    })
}

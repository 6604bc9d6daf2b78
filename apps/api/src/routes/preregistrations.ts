import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import { PreregistrationListQuery, PreregistrationPage } from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard } from '../middleware/guards'
import { findPreregistrations } from '../use-cases/find-preregistrations'
import { errorResponses, throwValidationError } from './validation'

const listRoute = (deps: AppDeps) =>
  createRoute({
    method: 'get',
    path: '/v1/customer-development/preregistrations',
    tags: ['Customer Development'],
    summary: 'List pre-registered customers (masked unless revealed)',
    security: [{ bearer: [] }],
    middleware: [partnerGuard(deps, 'custdev.view')] as const,
    request: { query: PreregistrationListQuery },
    responses: {
      200: {
        description: 'A page',
        content: { 'application/json': { schema: PreregistrationPage } },
      },
      ...errorResponses(400, 401, 403),
    },
  })

/** The customer list and (later) pre-registration changes. */
export function createPreregistrationRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError }).openapi(
    listRoute(deps),
    async (c) => {
      const query = c.req.valid('query')
      const page = await findPreregistrations(deps, { scope: c.get('partnerScope'), ...query })
      return c.json(page, 200)
    }
  )
}

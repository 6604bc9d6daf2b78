import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import { HistoryPage, HistoryQuery } from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard, revealGuard } from '../middleware/guards'
import { findHistory } from '../use-cases/find-history'
import { routeOf } from './route-of'
import { errorResponses, jsonContent, throwValidationError } from './validation'

const historyRoute = createRoute({
  ...routeOf('findHistory'),
  tags: ['Customer Development'],
  summary: 'History Records: one row per invitation (masked unless revealed)',
  middleware: [partnerGuard('custdev.history.view'), revealGuard()] as const,
  request: { query: HistoryQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(HistoryPage) },
    ...errorResponses(400, 401, 403),
  },
})

/** History Records (domain.md R74). */
export function createHistoryRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError }).openapi(
    historyRoute,
    async (c) => {
      const page = await findHistory(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        locale: c.get('locale'),
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    }
  )
}

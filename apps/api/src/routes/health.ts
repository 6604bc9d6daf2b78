import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import { HealthResponse, ReadyResponse } from '@partner-center/contracts'
import { sql } from 'drizzle-orm'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { errorResponses, throwValidationError } from './validation'

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'The process is up',
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthResponse } } },
  },
})

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'The process can reach its database',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadyResponse } } },
    ...errorResponses(503),
  },
})

/** `/api/health` and `/api/ready` (unversioned). */
export function createHealthRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyRoute, async (c) => {
      try {
        await deps.db.execute(sql`select 1`)
      } catch {
        throw new AppError('SYSTEM_BUSY', 503, { retryAfterSeconds: 5 }, { 'retry-after': '5' })
      }
      return c.json({ status: 'ready' as const, database: deps.dbKind }, 200)
    })
}

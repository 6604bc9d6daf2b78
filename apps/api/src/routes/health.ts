import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import { HealthResponse, ReadyResponse } from '@partner-center/contracts'
import { sql } from 'drizzle-orm'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { routeOf } from './route-of'
import { errorResponses, throwValidationError } from './validation'

const healthRoute = createRoute({
  ...routeOf('health'),
  tags: ['Operations'],
  summary: 'The process is up',
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthResponse } } },
  },
})

const readyRoute = createRoute({
  ...routeOf('ready'),
  tags: ['Operations'],
  summary: 'The process can reach its database',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadyResponse } } },
    ...errorResponses(503),
  },
})

/**
 * The Node.js major version the process runs on, or undefined on a runtime without
 * `process.versions` (an edge worker without node compatibility).
 */
function nodeMajor(): number | undefined {
  const version = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node
  return version === undefined ? undefined : Number(version.split('.')[0])
}

/**
 * `/api/health` and `/api/ready` (unversioned). Outside production, health also tells which Node.js
 * major version runs the API, so tests and operators can check the runtime; production keeps the
 * runtime to its start log (a version is a fingerprint for attackers).
 */
export function createHealthRoutes(deps: AppDeps) {
  const health =
    deps.config.appEnv === 'production'
      ? { status: 'ok' as const }
      : { status: 'ok' as const, nodeMajor: nodeMajor() }
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(healthRoute, (c) => c.json(health, 200))
    .openapi(readyRoute, async (c) => {
      try {
        await deps.db.execute(sql`select 1`)
      } catch {
        throw AppError.busy(5)
      }
      return c.json({ status: 'ready' as const, database: deps.dbKind }, 200)
    })
}

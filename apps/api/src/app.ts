import { OpenAPIHono } from '@hono/zod-openapi'
import { isTransientDbError } from '@partner-center/db/portable'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { routePath } from 'hono/route'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppDeps, AppEnv } from './deps'
import { AppError, errorBody } from './errors'
import { errorLogFields } from './error-log-fields'
import { accessLog } from './middleware/access-log'
import { authenticate } from './middleware/authenticate'
import { closeWhenBodyUnread } from './middleware/close-unread-body'
import { cors } from './middleware/cors'
import { locale, pickLocale } from './middleware/locale'
import { requestId } from './middleware/request-id'
import { securityHeaders } from './middleware/security-headers'
import { createApiKeyRoutes } from './routes/api-keys'
import { createApiReferenceRoutes } from './routes/api-reference'
import { createAuthRoutes } from './routes/auth'
import { createHealthRoutes } from './routes/health'
import { createAdminRoutes } from './routes/admin'
import { createAdminApiKeyRoutes } from './routes/admin-api-keys'
import { createHistoryRoutes } from './routes/history'
import { createInvitationLinkRoutes } from './routes/invitation-links'
import { createInvitationRoutes } from './routes/invitations'
import { createPreregistrationRoutes } from './routes/preregistrations'
import { createPublicRoutes } from './routes/public'
import { createAdminWebhookEndpointRoutes } from './routes/admin-webhook-endpoints'
import { createWebhookEndpointRoutes } from './routes/webhook-endpoints'
import { registerWebhookEvents } from './routes/webhook-events-document'

function respondWithError(c: Context<AppEnv>, error: AppError) {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
  const body = errorBody({
    code: error.code,
    locale: c.get('locale') ?? pickLocale(c.req.header('accept-language')),
    requestId: c.get('requestId') ?? 'unknown',
    details: error.details,
  })
  return c.json(body, error.status as ContentfulStatusCode)
}

/** Maps anything thrown to the one error body; only real defects become 500 (domain.md R8). */
function toAppErrorFromUnknown(error: unknown): AppError | null {
  if (error instanceof AppError) return error
  if (error instanceof HTTPException) {
    if (error.status === 413) return AppError.of('PAYLOAD_TOO_LARGE')
    if (error.status === 401) return AppError.of('NOT_AUTHENTICATED')
    if (error.status < 500) return AppError.of('VALIDATION_FAILED')
  }
  // A lost or overloaded database (R69): nothing changed, the request may be retried.
  if (isTransientDbError(error)) return AppError.busy(5)
  return null
}

/**
 * Bounds every request: past `ms` it answers 503 `SYSTEM_BUSY` instead of hanging. A database
 * connection that dies under a transaction can leave the driver's promise unsettled (postgres.js
 * 3.4.9 dropped the rollback it wrote on the closed socket; 3.4.10 with our patch still leaves a
 * query written between a socket error and its close unsettled); the server already rolled the
 * transaction back, so the answer is truthful. Found by the reliability suite's PostgreSQL restarts.
 */
export function requestDeadline(ms: number): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(AppError.busy(5)), ms)
    })
    try {
      await Promise.race([next(), deadline])
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * Builds the whole HTTP API as a plain fetch handler (architecture.md §5): middleware, one
 * sub-app per resource, one error shape, and the OpenAPI document with its reference page.
 *
 * @example
 * const app = createApp(deps)
 * const response = await app.request('/api/health')
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>().basePath('/api')

  app.use(securityHeaders({ publicBaseUrl: deps.config.publicBaseUrl }))
  app.use(requestId())
  app.use(locale())
  app.use(accessLog(deps.logger))
  // Before everything that may refuse a request: a preflight is answered here, and a refusal
  // (401, 413, 429, 503) to an allowed origin carries the CORS headers the page needs to read it.
  app.use(cors({ allowedOrigins: deps.config.corsAllowedOrigins ?? [] }))
  app.use(closeWhenBodyUnread())
  app.use(requestDeadline(deps.config.requestTimeoutMs ?? 15_000))
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw AppError.of('PAYLOAD_TOO_LARGE')
    },
  })
  // GET and HEAD handlers never read a body, and asking for one makes @hono/node-server build a
  // full Request on the busiest path (the lists); every other method is limited before it runs.
  app.use((c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)
  )
  app.use(authenticate(deps))

  app.route('/', createHealthRoutes(deps))
  app.route('/', createAuthRoutes(deps))
  app.route('/', createPreregistrationRoutes(deps))
  app.route('/', createInvitationRoutes(deps))
  app.route('/', createHistoryRoutes(deps))
  app.route('/', createInvitationLinkRoutes(deps))
  app.route('/', createApiKeyRoutes(deps))
  app.route('/', createWebhookEndpointRoutes(deps))
  app.route('/', createAdminRoutes(deps))
  app.route('/', createAdminApiKeyRoutes(deps))
  app.route('/', createAdminWebhookEndpointRoutes(deps))
  app.route('/', createPublicRoutes(deps))
  for (const extra of deps.devRoutes ?? []) app.route(extra.path, extra.app)

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'Opaque access token from POST /api/v1/auth/sign-in, or a partner API key (pck_…) on the routes that take one',
  })
  registerWebhookEvents(app)
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Partner Center · Customer Development API', version: '1.0.0' },
  })
  app.route(
    '/',
    createApiReferenceRoutes({
      enabled: deps.config.apiDocs ?? false,
      loadScript: deps.apiReferenceScript,
    })
  )

  app.notFound((c) => respondWithError(c, AppError.of('NOT_FOUND')))
  app.onError((error, c) => {
    const known = toAppErrorFromUnknown(error)
    if (known) return respondWithError(c, known)
    // Allow-listed fields only: a driver's message quotes the statement and its parameters (R77).
    deps.logger.error(
      {
        err: errorLogFields(error),
        requestId: c.get('requestId'),
        method: c.req.method,
        route: routePath(c, -1),
      },
      'unhandled error'
    )
    return respondWithError(c, AppError.of('INTERNAL'))
  })
  return app
}

/** The app type, for typed clients in tests. */
export type App = ReturnType<typeof createApp>

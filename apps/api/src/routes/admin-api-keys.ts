import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import {
  ApiKeyItem,
  ApiKeyListQuery,
  ApiKeyPage,
  CreatePlatformApiKeyRequest,
  CreatedApiKey,
} from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { adminGuard } from '../middleware/guards'
import { platformConfigurationOwner } from '../use-cases/configuration-owner'
import { createApiKey } from '../use-cases/create-api-key'
import { findApiKeys } from '../use-cases/find-api-keys'
import { revokeApiKey } from '../use-cases/revoke-api-key'
import { IdParam } from './preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const tags = ['Ecosystem manager']

const listRoute = createRoute({
  ...routeOf('findPlatformApiKeys'),
  tags,
  summary: "The platform's API keys, newest first (never the keys themselves)",
  middleware: [adminGuard()] as const,
  request: { query: ApiKeyListQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(ApiKeyPage) },
    ...errorResponses(400, 401, 403),
  },
})

const createKeyRoute = createRoute({
  ...routeOf('createPlatformApiKey'),
  tags,
  summary: 'Create a platform API key (the reads of the admin endpoints), answered once',
  middleware: [adminGuard()] as const,
  request: { body: jsonBody(CreatePlatformApiKeyRequest) },
  responses: {
    201: { description: 'Created, with the key', content: jsonContent(CreatedApiKey) },
    ...errorResponses(400, 401, 403, 409),
  },
})

const revokeRoute = createRoute({
  ...routeOf('revokePlatformApiKey'),
  tags,
  summary: 'Revoke a platform API key for good (no change when already revoked)',
  middleware: [adminGuard()] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The key', content: jsonContent(ApiKeyItem) },
    ...errorResponses(400, 401, 403, 404),
  },
})

/**
 * Platform API keys (domain.md R139, R143) of the ecosystem manager, signed in as a person; a
 * key never reaches these (the route table marks them `apiKey: false`).
 */
export function createAdminApiKeyRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(listRoute, async (c) => {
      const page = await findApiKeys(deps, {
        owner: platformConfigurationOwner(c),
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    })
    .openapi(createKeyRoute, async (c) => {
      const created = await createApiKey(deps, {
        owner: platformConfigurationOwner(c),
        requestId: c.get('requestId'),
        name: c.req.valid('json').name,
        role: 'ecosystem_manager',
        allowedRoles: ['ecosystem_manager'],
      })
      // The only answer that carries the key: never kept by a cache (R139).
      c.header('cache-control', 'no-store')
      return c.json(created, 201)
    })
    .openapi(revokeRoute, async (c) => {
      const item = await revokeApiKey(deps, {
        owner: platformConfigurationOwner(c),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
      })
      return c.json(item, 200)
    })
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import {
  ApiKeyItem,
  ApiKeyListQuery,
  ApiKeyPage,
  CreateApiKeyRequest,
  CreatedApiKey,
} from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard } from '../middleware/guards'
import { partnerConfigurationOwner } from '../use-cases/configuration-owner'
import { createApiKey } from '../use-cases/create-api-key'
import { findApiKeys } from '../use-cases/find-api-keys'
import { revokeApiKey } from '../use-cases/revoke-api-key'
import { IdParam } from './preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const tags = ['API Keys']
// A key never manages keys (R141): the route table marks these rows `apiKey: false`, so a key
// is refused 403 `API_KEY_NOT_ALLOWED` before this guard runs.
const manage = partnerGuard('custdev.api_keys.manage')

const listRoute = createRoute({
  ...routeOf('findApiKeys'),
  tags,
  summary: "The partner's API keys, newest first (never the keys themselves)",
  middleware: [manage] as const,
  request: { query: ApiKeyListQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(ApiKeyPage) },
    ...errorResponses(400, 401, 403),
  },
})

const createKeyRoute = createRoute({
  ...routeOf('createApiKey'),
  tags,
  summary: 'Create an API key for a role; the key is answered this once (no-store)',
  middleware: [manage] as const,
  request: { body: jsonBody(CreateApiKeyRequest) },
  responses: {
    201: { description: 'Created, with the key', content: jsonContent(CreatedApiKey) },
    ...errorResponses(400, 401, 403, 409),
  },
})

const revokeRoute = createRoute({
  ...routeOf('revokeApiKey'),
  tags,
  summary: 'Revoke an API key for good (no change when already revoked)',
  middleware: [manage] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The key', content: jsonContent(ApiKeyItem) },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** Partner API keys (domain.md R139, R143), managed by a partner admin signed in as a person. */
export function createApiKeyRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(listRoute, async (c) => {
      const page = await findApiKeys(deps, {
        owner: partnerConfigurationOwner(c.get('partnerScope')),
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    })
    .openapi(createKeyRoute, async (c) => {
      const created = await createApiKey(deps, {
        owner: partnerConfigurationOwner(c.get('partnerScope')),
        requestId: c.get('requestId'),
        ...c.req.valid('json'),
      })
      // The only answer that carries the key: never kept by a cache (R139).
      c.header('cache-control', 'no-store')
      return c.json(created, 201)
    })
    .openapi(revokeRoute, async (c) => {
      const item = await revokeApiKey(deps, {
        owner: partnerConfigurationOwner(c.get('partnerScope')),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
      })
      return c.json(item, 200)
    })
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import { claimsApiKey } from '@partner-center/domain'
import {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  CustomerMe,
  CustomerSession,
  CustomerSignInRequest,
  InvitationTokenRequest,
  InvitationView,
  OkResponse,
  RegisterCustomerRequest,
  RenewalRequestResponse,
} from '@partner-center/contracts'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { resolveClientAddress } from '../middleware/client-address'
import { publicRateLimit } from '../middleware/public-rate-limit'
import { readBearerToken } from '../security/tokens'
import { acceptInvitation } from '../use-cases/public/accept-invitation'
import { signInCustomer, signOutCustomer } from '../use-cases/public/customer-session'
import { findCustomerByToken } from '../persistence/access-tokens'
import { registerCustomer } from '../use-cases/public/register-customer'
import { requestRenewal } from '../use-cases/public/request-renewal'
import { resolveInvitation } from '../use-cases/public/resolve-invitation'
import { createPublicLinkRoutes } from './public-links'
import { routeOf } from './route-of'
import { errorResponses, throwValidationError } from './validation'

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } })
const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } })
const tags = ['Customer portal']

/** Sets `principal` to the signed-in customer of a bearer token, if any. */
function authenticateCustomer(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readBearerToken(c.req.header('authorization'))
    // An API key is never a customer token (R140): it is not even looked up.
    const found = token && !claimsApiKey(token) ? await findCustomerByToken(deps, token) : null
    if (found) {
      c.set('principal', {
        kind: 'customer',
        tokenId: found.tokenId,
        customerAccountId: found.account.id,
      })
    }
    await next()
  }
}

function requireCustomer(c: Context<AppEnv>) {
  const principal = c.get('principal')
  if (principal?.kind !== 'customer') throw AppError.of('NOT_AUTHENTICATED')
  return principal
}

const routes = {
  resolve: createRoute({
    ...routeOf('resolveInvitation'),
    tags,
    summary: 'What a link shows (read-only; never consumes it)',
    request: body(InvitationTokenRequest),
    responses: {
      200: { description: 'A live invitation', ...json(InvitationView) },
      ...errorResponses(400, 404, 409, 410, 422, 429),
    },
  }),
  register: createRoute({
    ...routeOf('registerCustomer'),
    tags,
    summary: 'Create a customer account with the invited email and sign in',
    request: body(RegisterCustomerRequest),
    responses: {
      201: { description: 'Registered and signed in', ...json(CustomerSession) },
      ...errorResponses(400, 404, 409, 410, 429),
    },
  }),
  signIn: createRoute({
    ...routeOf('signInCustomer'),
    tags,
    summary: 'Sign a customer in',
    request: body(CustomerSignInRequest),
    responses: {
      200: { description: 'Signed in', ...json(CustomerSession) },
      ...errorResponses(400, 401, 429),
    },
  }),
  signOut: createRoute({
    ...routeOf('signOutCustomer'),
    tags,
    summary: 'Revoke the customer token',
    responses: { 200: { description: 'Signed out', ...json(OkResponse) }, ...errorResponses(401) },
  }),
  me: createRoute({
    ...routeOf('getCustomerMe'),
    tags,
    summary: 'The signed-in customer',
    responses: {
      200: { description: 'The customer', ...json(CustomerMe) },
      ...errorResponses(401),
    },
  }),
  accept: createRoute({
    ...routeOf('acceptInvitation'),
    tags,
    summary: 'Accept the invitation and become associated with the partner',
    request: body(AcceptInvitationRequest),
    responses: {
      200: { description: 'Associated', ...json(AcceptInvitationResponse) },
      ...errorResponses(400, 401, 403, 404, 409, 410, 422, 429, 503),
    },
  }),
  renewal: createRoute({
    ...routeOf('requestRenewal'),
    tags,
    summary: 'Ask the partner for a new invitation',
    request: body(InvitationTokenRequest),
    responses: {
      200: { description: 'Recorded (or nothing to do)', ...json(RenewalRequestResponse) },
      ...errorResponses(400, 404, 409, 429),
    },
  }),
}

/**
 * The customer side (domain.md §2.4): tokens only ever in request bodies, never in a path or
 * query, rate limited per client address (R59).
 */
export function createPublicRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
  app.use('/v1/public/*', publicRateLimit(deps), authenticateCustomer(deps))
  // After the middleware, so the link endpoints are rate limited and authenticated alike (R114).
  app.route('/', createPublicLinkRoutes(deps))
  return app
    .openapi(routes.resolve, async (c) =>
      c.json(await resolveInvitation(deps, c.req.valid('json')), 200)
    )
    .openapi(routes.register, async (c) =>
      c.json(
        await registerCustomer(deps, { ...c.req.valid('json'), requestId: c.get('requestId') }),
        201
      )
    )
    .openapi(routes.signIn, async (c) =>
      c.json(
        await signInCustomer(deps, {
          ...c.req.valid('json'),
          clientAddress: resolveClientAddress(deps, c),
        }),
        200
      )
    )
    .openapi(routes.signOut, async (c) =>
      c.json(await signOutCustomer(deps, { tokenId: requireCustomer(c).tokenId }), 200)
    )
    .openapi(routes.me, async (c) => {
      const token = readBearerToken(c.req.header('authorization'))
      // An API key is never a customer token (R140): it is not even looked up.
      const found = token && !claimsApiKey(token) ? await findCustomerByToken(deps, token) : null
      if (!found) throw AppError.of('NOT_AUTHENTICATED')
      const { id, email, displayName, emailVerified } = found.account
      return c.json({ id, email, displayName, emailVerified }, 200)
    })
    .openapi(routes.accept, async (c) => {
      const principal = c.get('principal')
      const result = await acceptInvitation(deps, {
        ...c.req.valid('json'),
        customerAccountId: principal?.kind === 'customer' ? principal.customerAccountId : null,
        requestId: c.get('requestId'),
      })
      return c.json(result, 200)
    })
    .openapi(routes.renewal, async (c) =>
      c.json(
        await requestRenewal(deps, { ...c.req.valid('json'), requestId: c.get('requestId') }),
        200
      )
    )
}

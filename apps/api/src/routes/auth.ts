import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import { MeResponse, OkResponse, SignInRequest, SignInResponse } from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { resolveClientAddress } from '../middleware/client-address'
import { requireUser, requireUserOrKey, signedIn, signedInOrKey } from '../middleware/guards'
import { getMe } from '../use-cases/get-me'
import { getKeyMe, getPlatformKeyMe } from '../use-cases/get-key-me'
import { signIn, signOut } from '../use-cases/sign-in'
import { routeOf } from './route-of'
import { errorResponses, throwValidationError } from './validation'

const signInRoute = createRoute({
  ...routeOf('signIn'),
  tags: ['Auth'],
  summary: 'Sign in a partner user or the ecosystem manager',
  request: { body: { required: true, content: { 'application/json': { schema: SignInRequest } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: SignInResponse } } },
    ...errorResponses(400, 401, 429),
  },
})

const signOutRoute = createRoute({
  ...routeOf('signOut'),
  tags: ['Auth'],
  summary: 'Revoke the current access token',
  middleware: [signedIn()] as const,
  responses: {
    200: { description: 'Signed out', content: { 'application/json': { schema: OkResponse } } },
    ...errorResponses(401),
  },
})

const meRoute = createRoute({
  ...routeOf('getMe'),
  tags: ['Auth'],
  summary: 'Who is signed in (a user or an API key): role, partner, capabilities, permission keys',
  middleware: [signedInOrKey()] as const,
  responses: {
    200: {
      description: 'The signed-in user',
      content: { 'application/json': { schema: MeResponse } },
    },
    ...errorResponses(401),
  },
})

/** Sign-in, sign-out and `me` for partner users and the ecosystem manager. */
export function createAuthRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(signInRoute, async (c) =>
      c.json(
        await signIn(deps, {
          ...c.req.valid('json'),
          clientAddress: resolveClientAddress(deps, c),
        }),
        200
      )
    )
    .openapi(signOutRoute, async (c) =>
      c.json(await signOut(deps, { tokenId: requireUser(c).tokenId }), 200)
    )
    .openapi(meRoute, async (c) => {
      const caller = requireUserOrKey(c)
      const me =
        caller.kind === 'api_key'
          ? getKeyMe(deps, caller)
          : caller.kind === 'platform_key'
            ? getPlatformKeyMe(deps, caller)
            : await getMe(deps, { userId: caller.userId })
      return c.json(MeResponse.parse(me), 200)
    })
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import {
  AcceptInvitationLinkRequest,
  AcceptInvitationResponse,
  CustomerMe,
  CustomerSession,
  EmailCodeConfirmRequest,
  EmailCodeRequested,
  InvitationLinkCodeRequest,
  InvitationLinkView,
  LinkRegisterCodeRequest,
  LinkVerifyEmailCodeRequest,
} from '@partner-center/contracts'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { acceptInvitationLink } from '../use-cases/public/accept-invitation-link'
import {
  requestLinkEmailVerificationCode,
  requestLinkRegistrationCode,
} from '../use-cases/public/request-link-email-code'
import { registerThroughLink } from '../use-cases/public/register-through-link'
import { resolveInvitationLink } from '../use-cases/public/resolve-invitation-link'
import { verifyEmailThroughLink } from '../use-cases/public/verify-email-through-link'
import { routeOf } from './route-of'
import { errorResponses, throwValidationError } from './validation'

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } })
const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } })
const tags = ['Customer portal']

function customerAccountIdOf(c: Context<AppEnv>): string | null {
  const principal = c.get('principal')
  return principal?.kind === 'customer' ? principal.customerAccountId : null
}

// R107 step 1 (and R105): a customer-only step answers NOT_AUTHENTICATED before it reads the
// body, so an anonymous or partner caller learns nothing about the input it sent.
const signedInCustomer: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (customerAccountIdOf(c) === null) throw AppError.of('NOT_AUTHENTICATED')
  await next()
}

const routes = {
  resolve: createRoute({
    ...routeOf('resolveInvitationLink'),
    tags,
    summary: 'What an invitation link shows (read-only)',
    request: body(InvitationLinkCodeRequest),
    responses: {
      200: { description: 'An active link', ...json(InvitationLinkView) },
      ...errorResponses(400, 404, 410, 429),
    },
  }),
  registerCode: createRoute({
    ...routeOf('requestLinkRegistrationCode'),
    tags,
    summary: 'Start a registration through a link: email a 6-digit code',
    request: body(LinkRegisterCodeRequest),
    responses: {
      202: { description: 'The same answer for every address', ...json(EmailCodeRequested) },
      ...errorResponses(400, 404, 410, 429),
    },
  }),
  register: createRoute({
    ...routeOf('registerThroughLink'),
    tags,
    summary: 'Confirm the emailed code, create the account and sign in',
    request: body(EmailCodeConfirmRequest),
    responses: {
      201: { description: 'Registered and signed in', ...json(CustomerSession) },
      ...errorResponses(400, 404, 409, 410, 422, 429),
    },
  }),
  verifyEmailCode: createRoute({
    ...routeOf('requestLinkEmailVerificationCode'),
    middleware: [signedInCustomer] as const,
    tags,
    summary: 'Email a code to the signed-in customer’s address',
    request: body(LinkVerifyEmailCodeRequest),
    responses: {
      202: { description: 'Code requested', ...json(EmailCodeRequested) },
      ...errorResponses(400, 401, 404, 410, 429),
    },
  }),
  verifyEmail: createRoute({
    ...routeOf('verifyEmailThroughLink'),
    middleware: [signedInCustomer] as const,
    tags,
    summary: 'Confirm the code and mark the customer’s email verified',
    request: body(EmailCodeConfirmRequest),
    responses: {
      200: { description: 'Verified', ...json(CustomerMe) },
      ...errorResponses(400, 401, 404, 410, 422, 429),
    },
  }),
  accept: createRoute({
    ...routeOf('acceptInvitationLink'),
    middleware: [signedInCustomer] as const,
    tags,
    summary: 'Accept through an invitation link and become associated with the partner',
    request: body(AcceptInvitationLinkRequest),
    responses: {
      200: { description: 'Associated', ...json(AcceptInvitationResponse) },
      ...errorResponses(400, 401, 403, 404, 409, 410, 422, 429, 503),
    },
  }),
}

/**
 * The customer side of invitation links (domain.md R100–R107): the link code only ever in a
 * request body (R99). Mounted inside the public routes, so their rate limit (R114) and customer
 * authentication apply.
 */
export function createPublicLinkRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
  return app
    .openapi(routes.resolve, async (c) =>
      c.json(await resolveInvitationLink(deps, c.req.valid('json')), 200)
    )
    .openapi(routes.registerCode, async (c) =>
      c.json(await requestLinkRegistrationCode(deps, c.req.valid('json')), 202)
    )
    .openapi(routes.register, async (c) =>
      c.json(
        await registerThroughLink(deps, { ...c.req.valid('json'), requestId: c.get('requestId') }),
        201
      )
    )
    .openapi(routes.verifyEmailCode, async (c) =>
      c.json(
        await requestLinkEmailVerificationCode(deps, {
          ...c.req.valid('json'),
          customerAccountId: customerAccountIdOf(c),
        }),
        202
      )
    )
    .openapi(routes.verifyEmail, async (c) =>
      c.json(
        await verifyEmailThroughLink(deps, {
          ...c.req.valid('json'),
          customerAccountId: customerAccountIdOf(c),
          requestId: c.get('requestId'),
        }),
        200
      )
    )
    .openapi(routes.accept, async (c) =>
      c.json(
        await acceptInvitationLink(deps, {
          ...c.req.valid('json'),
          customerAccountId: customerAccountIdOf(c),
          locale: c.get('locale'),
          requestId: c.get('requestId'),
        }),
        200
      )
    )
}

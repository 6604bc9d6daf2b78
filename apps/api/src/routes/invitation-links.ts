import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import {
  CreateInvitationLinkRequest,
  GeneralInvitationLink,
  InvitationLinkItem,
  InvitationLinkListQuery,
  InvitationLinkPage,
  InvitationLinkUrl,
  LinkAssociationListQuery,
  LinkAssociationPage,
} from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard, revealGuard } from '../middleware/guards'
import { changeInvitationLink } from '../use-cases/change-invitation-link'
import { createInvitationLink } from '../use-cases/create-invitation-link'
import { findInvitationLinks } from '../use-cases/find-invitation-links'
import { findLinkAssociations } from '../use-cases/find-link-associations'
import { getGeneralInvitationLink } from '../use-cases/get-general-invitation-link'
import { getInvitationLinkUrl } from '../use-cases/get-invitation-link-url'
import { resetGeneralInvitationLink } from '../use-cases/reset-general-invitation-link'
import { IdParam } from './preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const tags = ['Offline Invitation']

const generalRoute = createRoute({
  ...routeOf('getGeneralInvitationLink'),
  tags,
  summary: "The caller's general invitation link, created on first call (201), with its URL",
  middleware: [partnerGuard('custdev.invite')] as const,
  responses: {
    200: { description: 'The existing link', content: jsonContent(GeneralInvitationLink) },
    201: { description: 'Created', content: jsonContent(GeneralInvitationLink) },
    ...errorResponses(401, 403, 409),
  },
})

const resetRoute = createRoute({
  ...routeOf('resetGeneralInvitationLink'),
  tags,
  summary: "Reset the caller's general link: the old link stops working at once",
  middleware: [partnerGuard('custdev.invite')] as const,
  responses: {
    200: { description: 'The new link', content: jsonContent(GeneralInvitationLink) },
    ...errorResponses(401, 403, 404, 409),
  },
})

const listRoute = createRoute({
  ...routeOf('findInvitationLinks'),
  tags,
  summary: 'List custom invitation links (no codes, no URLs)',
  middleware: [partnerGuard('custdev.view')] as const,
  request: { query: InvitationLinkListQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(InvitationLinkPage) },
    ...errorResponses(400, 401, 403),
  },
})

const createLinkRoute = createRoute({
  ...routeOf('createInvitationLink'),
  tags,
  summary: 'Create a custom invitation link (an activity link with expiresInDays)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { body: jsonBody(CreateInvitationLinkRequest) },
  responses: {
    201: { description: 'Created', content: jsonContent(InvitationLinkItem) },
    ...errorResponses(400, 401, 403, 409, 422),
  },
})

const urlRoute = createRoute({
  ...routeOf('getInvitationLinkUrl'),
  tags,
  summary: 'The full link of a custom link, for Copy and QR (never cached)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The link', content: jsonContent(InvitationLinkUrl) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const disableRoute = createRoute({
  ...routeOf('disableInvitationLink'),
  tags,
  summary: 'Disable a custom link (no change when already disabled)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The link', content: jsonContent(InvitationLinkItem) },
    ...errorResponses(400, 401, 403, 404, 410),
  },
})

const enableRoute = createRoute({
  ...routeOf('enableInvitationLink'),
  tags,
  summary: 'Enable a disabled custom link (no change when already active)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'The link', content: jsonContent(InvitationLinkItem) },
    ...errorResponses(400, 401, 403, 404, 410),
  },
})

const associationsRoute = createRoute({
  ...routeOf('findLinkAssociations'),
  tags,
  summary: 'Customers associated through invitation links (masked unless revealed)',
  middleware: [partnerGuard('custdev.view'), revealGuard()] as const,
  request: { query: LinkAssociationListQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(LinkAssociationPage) },
    ...errorResponses(400, 401, 403),
  },
})

/** The partner side of offline invitations (domain.md §12.2.4, R90–R98). */
export function createInvitationLinkRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(generalRoute, async (c) => {
      const { created, link } = await getGeneralInvitationLink(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
      })
      // The URL carries the code: never kept by a cache (R97, R99).
      c.header('cache-control', 'no-store')
      return created ? c.json(link, 201) : c.json(link, 200)
    })
    .openapi(resetRoute, async (c) => {
      const link = await resetGeneralInvitationLink(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
      })
      c.header('cache-control', 'no-store')
      return c.json(link, 200)
    })
    .openapi(listRoute, async (c) => {
      const page = await findInvitationLinks(deps, {
        scope: c.get('partnerScope'),
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    })
    .openapi(createLinkRoute, async (c) => {
      const item = await createInvitationLink(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        ...c.req.valid('json'),
      })
      return c.json(item, 201)
    })
    .openapi(urlRoute, async (c) => {
      const answer = await getInvitationLinkUrl(deps, {
        scope: c.get('partnerScope'),
        id: c.req.valid('param').id,
      })
      c.header('cache-control', 'no-store')
      return c.json(answer, 200)
    })
    .openapi(disableRoute, async (c) => {
      const item = await changeInvitationLink(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
        change: 'disable',
      })
      return c.json(item, 200)
    })
    .openapi(enableRoute, async (c) => {
      const item = await changeInvitationLink(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
        change: 'enable',
      })
      return c.json(item, 200)
    })
    .openapi(associationsRoute, async (c) => {
      const page = await findLinkAssociations(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        ...c.req.valid('query'),
      })
      return c.json(page, 200)
    })
}

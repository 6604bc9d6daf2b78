import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import {
  AdminDoubleAssociationList,
  AdminPartner,
  AdminPartnerList,
  AdminPreregistrationItem,
  AdminPreregistrationPage,
  AdminPreregistrationQuery,
  ReviewPreregistrationRequest,
  UpdatePartnerRequest,
} from '@partner-center/contracts'
import type { AppDeps, AppEnv } from '../deps'
import { adminGuard, requireUser } from '../middleware/guards'
import { findDoubleAssociations } from '../use-cases/find-double-associations'
import { findPartners } from '../use-cases/find-partners'
import { findReviewQueue } from '../use-cases/find-review-queue'
import { reviewPreregistration } from '../use-cases/review-preregistration'
import { updatePartner } from '../use-cases/update-partner'
import { IdParam } from './preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const tags = ['Ecosystem manager']

const listPartnersRoute = createRoute({
  ...routeOf('findPartners'),
  tags,
  summary: 'Partners with their capabilities',
  middleware: [adminGuard()] as const,
  responses: {
    200: { description: 'Partners', content: jsonContent(AdminPartnerList) },
    ...errorResponses(401, 403),
  },
})

const updatePartnerRoute = createRoute({
  ...routeOf('updatePartner'),
  tags,
  summary: 'Change a partner’s capabilities and contacts',
  middleware: [adminGuard()] as const,
  request: { params: IdParam, body: jsonBody(UpdatePartnerRequest) },
  responses: {
    200: { description: 'The partner', content: jsonContent(AdminPartner) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const reviewQueueRoute = createRoute({
  ...routeOf('findReviewQueue'),
  tags,
  summary: 'Pre-registrations waiting for manual review',
  middleware: [adminGuard()] as const,
  request: { query: AdminPreregistrationQuery },
  responses: {
    200: { description: 'A page', content: jsonContent(AdminPreregistrationPage) },
    ...errorResponses(400, 401, 403),
  },
})

const reviewRoute = createRoute({
  ...routeOf('reviewPreregistration'),
  tags,
  summary: 'Approve or reject a manual review',
  middleware: [adminGuard()] as const,
  request: { params: IdParam, body: jsonBody(ReviewPreregistrationRequest) },
  responses: {
    200: { description: 'Decided', content: jsonContent(AdminPreregistrationItem) },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const doubleAssociationsRoute = createRoute({
  ...routeOf('findDoubleAssociations'),
  tags,
  summary: 'Customers with two ACTIVE associations after the identity merge',
  description:
    'Customer identities that the identity data step (issue 13) found associated with more ' +
    'than one partner, one association per merged account. Both associations stay ACTIVE.',
  middleware: [adminGuard()] as const,
  responses: {
    200: { description: 'Double associations', content: jsonContent(AdminDoubleAssociationList) },
    ...errorResponses(401, 403),
  },
})

/** The ecosystem manager's endpoints (domain.md R9, R31; double associations, issue 13). */
export function createAdminRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(listPartnersRoute, async (c) => c.json(await findPartners(deps), 200))
    .openapi(updatePartnerRoute, async (c) => {
      const partner = await updatePartner(deps, {
        managerId: requireUser(c).userId,
        requestId: c.get('requestId'),
        partnerId: c.req.valid('param').id,
        changes: c.req.valid('json'),
      })
      return c.json(partner, 200)
    })
    .openapi(reviewQueueRoute, async (c) =>
      c.json(await findReviewQueue(deps, c.req.valid('query')), 200)
    )
    .openapi(doubleAssociationsRoute, async (c) => c.json(await findDoubleAssociations(deps), 200))
    .openapi(reviewRoute, async (c) => {
      const item = await reviewPreregistration(deps, {
        managerId: requireUser(c).userId,
        requestId: c.get('requestId'),
        id: c.req.valid('param').id,
        ...c.req.valid('json'),
      })
      return c.json(item, 200)
    })
}

import { OpenAPIHono, createRoute } from '@hono/zod-openapi'
import {
  IdempotencyKeyHeader,
  InvitationBatchProgress,
  InvitationBatchResponse,
  PreviewInvitationRequest,
  PreviewInvitationResponse,
  SendInvitationsRequest,
} from '@partner-center/contracts'
import type { TypedResponse } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { partnerGuard } from '../middleware/guards'
import { getInvitationBatch } from '../use-cases/get-invitation-batch'
import { previewInvitation } from '../use-cases/preview-invitation'
import { resendInvitation } from '../use-cases/resend-invitation'
import type { StoredAnswer } from '../persistence/run-idempotent'
import { sendInvitations } from '../use-cases/send-invitations'
import { IdParam } from './preregistrations'
import { routeOf } from './route-of'
import { errorResponses, jsonBody, jsonContent, throwValidationError } from './validation'

const tags = ['Customer Development']

const sendRoute = createRoute({
  ...routeOf('sendInvitations'),
  tags,
  summary: 'Invite 1–100 pre-registered customers (Idempotency-Key honoured)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { headers: IdempotencyKeyHeader, body: jsonBody(SendInvitationsRequest) },
  responses: {
    202: { description: 'Batch accepted', content: jsonContent(InvitationBatchResponse) },
    ...errorResponses(400, 401, 403, 422),
  },
})

const resendRoute = createRoute({
  ...routeOf('resendInvitation'),
  tags,
  summary: 'Send a new invitation for the same pre-registration (a batch of one)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { headers: IdempotencyKeyHeader, params: IdParam },
  responses: {
    202: { description: 'Batch accepted', content: jsonContent(InvitationBatchResponse) },
    ...errorResponses(400, 401, 403, 404, 422),
  },
})

const previewRoute = createRoute({
  ...routeOf('previewInvitation'),
  tags,
  summary: 'Render the invitation email with masked customer data',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { body: jsonBody(PreviewInvitationRequest) },
  responses: {
    200: { description: 'The email', content: jsonContent(PreviewInvitationResponse) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const batchRoute = createRoute({
  ...routeOf('getInvitationBatch'),
  tags,
  summary: 'Delivery progress of a batch (creator and admins)',
  middleware: [partnerGuard('custdev.invite')] as const,
  request: { params: IdParam },
  responses: {
    200: { description: 'Progress', content: jsonContent(InvitationBatchProgress) },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** The stored bytes as the answer, so a replay is identical to the first answer (R43). */
function respondStored(answer: StoredAnswer) {
  const response = new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  })
  // The body is the contract's JSON, already serialised once for the idempotency record.
  return response as unknown as TypedResponse<InvitationBatchResponse, 202, 'json'>
}

/** Invite, resend, preview and batch progress (domain.md R36–R49). */
export function createInvitationRoutes(deps: AppDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwValidationError })
    .openapi(previewRoute, async (c) => {
      const email = await previewInvitation(deps, {
        scope: c.get('partnerScope'),
        ...c.req.valid('json'),
      })
      return c.json({ subject: email.subject, html: email.html, text: email.text }, 200)
    })
    .openapi(sendRoute, async (c) => {
      const answer = await sendInvitations(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        ...c.req.valid('json'),
      })
      return respondStored(answer)
    })
    .openapi(resendRoute, async (c) => {
      const answer = await resendInvitation(deps, {
        scope: c.get('partnerScope'),
        requestId: c.get('requestId'),
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        invitationId: c.req.valid('param').id,
      })
      return respondStored(answer)
    })
    .openapi(batchRoute, async (c) => {
      const progress = await getInvitationBatch(deps, {
        scope: c.get('partnerScope'),
        id: c.req.valid('param').id,
      })
      return c.json(progress, 200)
    })
}

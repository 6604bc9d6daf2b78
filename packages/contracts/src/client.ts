import type { z } from 'zod'
import { MeResponse, SignInResponse, type SignInRequest } from './auth'
import { OkResponse } from './common'
import { createApiTransport, type ApiCall, type ApiClientOptions } from './transport'
import {
  AdminPartner,
  AdminPartnerList,
  AdminPreregistrationItem,
  AdminPreregistrationPage,
  type ReviewPreregistrationRequest,
  type UpdatePartnerRequest,
} from './admin'
import { HistoryPage, type HistoryQueryInput } from './history'
import {
  InvitationBatchProgress,
  InvitationBatchResponse,
  PreviewInvitationResponse,
  type PreviewInvitationRequest,
  type SendInvitationsRequest,
} from './invitations'
import {
  BatchDeletePreregistrationsResponse,
  DeletePreregistrationResponse,
  PreregistrationItem,
  PreregistrationPage,
  type CreatePreregistrationRequest,
  type PreregistrationListQueryInput,
} from './preregistrations'

const CD = '/v1/customer-development'

function idempotency(key: string | undefined): Record<string, string> {
  return key ? { 'idempotency-key': key } : {}
}

/** One request of {@link ApiClient.request}: an {@link ApiCall} checked by a contract schema. */
export interface ApiRequest<T extends z.ZodType> extends Omit<ApiCall<z.infer<T>>, 'parse'> {
  schema: T
}

/**
 * A typed client of the Partner Center API: parses every body with the contract schemas and
 * throws {@link ApiError} for error answers (network failures become code `NETWORK`).
 *
 * @example
 * const api = createApiClient({ baseUrl: ctx.apiBaseUrl, getToken: () => ctx.auth.getToken() })
 * const page = await api.findPreregistrations({ page: 1, pageSize: 20 })
 */
export function createApiClient(options: ApiClientOptions) {
  const transport = createApiTransport(options)

  function request<T extends z.ZodType>(call: ApiRequest<T>): Promise<z.infer<T>> {
    const { schema, ...rest } = call
    return transport.request({ ...rest, parse: (json) => schema.parse(json) })
  }

  return {
    request,
    signIn: (body: SignInRequest) =>
      request({ method: 'POST', path: '/v1/auth/sign-in', body, schema: SignInResponse }),
    signOut: () => request({ method: 'POST', path: '/v1/auth/sign-out', schema: OkResponse }),
    getMe: () => request({ method: 'GET', path: '/v1/me', schema: MeResponse }),
    findPreregistrations: (query: PreregistrationListQueryInput) =>
      request({
        method: 'GET',
        path: '/v1/customer-development/preregistrations',
        query: {
          page: query.page,
          pageSize: query.pageSize,
          q: query.q,
          status: query.status,
          reveal: query.reveal,
        },
        schema: PreregistrationPage,
      }),
    createPreregistration: (body: CreatePreregistrationRequest) =>
      request({
        method: 'POST',
        path: `${CD}/preregistrations`,
        body,
        schema: PreregistrationItem,
      }),
    deletePreregistration: (id: string) =>
      request({
        method: 'DELETE',
        path: `${CD}/preregistrations/${encodeURIComponent(id)}`,
        schema: DeletePreregistrationResponse,
      }),
    batchDeletePreregistrations: (preregistrationIds: string[]) =>
      request({
        method: 'POST',
        path: `${CD}/preregistrations/batch-delete`,
        body: { preregistrationIds },
        schema: BatchDeletePreregistrationsResponse,
      }),
    /** Invite (R36); pass one idempotency key per dialog so a double click sends one batch. */
    sendInvitations: (body: SendInvitationsRequest, idempotencyKey?: string) =>
      request({
        method: 'POST',
        path: `${CD}/invitations`,
        body,
        headers: idempotency(idempotencyKey),
        schema: InvitationBatchResponse,
      }),
    resendInvitation: (invitationId: string, idempotencyKey?: string) =>
      request({
        method: 'POST',
        path: `${CD}/invitations/${encodeURIComponent(invitationId)}/resend`,
        headers: idempotency(idempotencyKey),
        schema: InvitationBatchResponse,
      }),
    previewInvitation: (body: PreviewInvitationRequest) =>
      request({
        method: 'POST',
        path: `${CD}/invitations/preview`,
        body,
        schema: PreviewInvitationResponse,
      }),
    getInvitationBatch: (batchId: string) =>
      request({
        method: 'GET',
        path: `${CD}/invitation-batches/${encodeURIComponent(batchId)}`,
        schema: InvitationBatchProgress,
      }),
    findHistory: (query: HistoryQueryInput) =>
      request({
        method: 'GET',
        path: `${CD}/history`,
        query: {
          page: query.page,
          pageSize: query.pageSize,
          q: query.q,
          status: query.status,
          reveal: query.reveal,
        },
        schema: HistoryPage,
      }),
    findPartners: () =>
      request({ method: 'GET', path: '/v1/admin/partners', schema: AdminPartnerList }),
    updatePartner: (partnerId: string, body: UpdatePartnerRequest) =>
      request({
        method: 'PATCH',
        path: `/v1/admin/partners/${encodeURIComponent(partnerId)}`,
        body,
        schema: AdminPartner,
      }),
    findReviewQueue: (query: { page?: number; pageSize?: number } = {}) =>
      request({
        method: 'GET',
        path: '/v1/admin/preregistrations',
        query: { status: 'PENDING_REVIEW', page: query.page, pageSize: query.pageSize },
        schema: AdminPreregistrationPage,
      }),
    reviewPreregistration: (id: string, body: ReviewPreregistrationRequest) =>
      request({
        method: 'POST',
        path: `/v1/admin/preregistrations/${encodeURIComponent(id)}/review`,
        body,
        schema: AdminPreregistrationItem,
      }),
  }
}

/** The client made by {@link createApiClient}. */
export type ApiClient = ReturnType<typeof createApiClient>

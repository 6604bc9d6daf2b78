import type { z } from 'zod'
import { MeResponse, SignInResponse, type SignInRequest } from './auth'
import { OkResponse } from './common'
import { ApiError, ErrorBody } from './errors'
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

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Origin and prefix, e.g. `/api` or `http://127.0.0.1:3000/api`. */
  baseUrl: string
  /** Current bearer token; `null` for anonymous calls. Asked before every request, never cached. */
  getToken?: () => Promise<string | null> | string | null
  /** Called once per client after a 401 the caller cannot recover from. */
  onUnauthorized?: () => void
  /** `Accept-Language` of every request, so messages come back in the UI language. */
  getLocale?: () => string
  fetch?: typeof fetch
}

/** One request of {@link ApiClient.request}. */
export interface ApiRequest<T extends z.ZodType> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  headers?: Record<string, string>
  schema: T
}

function toQueryString(query: ApiRequest<z.ZodType>['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null))
  if (parsed.success) return new ApiError({ status: response.status, ...parsed.data.error })
  return new ApiError({
    code: response.status >= 500 ? 'INTERNAL' : 'UNEXPECTED_RESPONSE',
    status: response.status,
    message: `The server answered ${response.status}.`,
    requestId,
  })
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
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  let unauthorizedReported = false

  async function request<T extends z.ZodType>(call: ApiRequest<T>): Promise<z.infer<T>> {
    const token = await options.getToken?.()
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers }
    if (token) headers.authorization = `Bearer ${token}`
    const locale = options.getLocale?.()
    if (locale) headers['accept-language'] = locale
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await doFetch(`${options.baseUrl}${call.path}${toQueryString(call.query)}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      })
    } catch (cause) {
      throw new ApiError({
        code: 'NETWORK',
        status: 0,
        message: cause instanceof Error ? cause.message : 'The network request failed.',
      })
    }
    if (!response.ok) {
      const error = await toApiError(response)
      if (response.status === 401 && token && !unauthorizedReported) {
        unauthorizedReported = true
        options.onUnauthorized?.()
      }
      throw error
    }
    return call.schema.parse(await response.json())
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

import type {
  BatchDeletePreregistrationsResponse,
  DeletePreregistrationResponse,
  HistoryPage,
  InvitationBatchProgress,
  InvitationBatchResponse,
  MeResponse,
  PreregistrationItem,
  PreregistrationPage,
  PreviewInvitationResponse,
} from '@partner-center/contracts'
import { createApiTransport, type ApiCall } from '@partner-center/contracts/transport'
import type { MfeContext } from '@partner-center/mfe-contract'
import type { ModuleApi } from './module-api'

const CD = '/v1/customer-development'

function idempotency(key: string | undefined): Record<string, string> {
  return key ? { 'idempotency-key': key } : {}
}

/**
 * The API client of one mount, on the contracts' transport: the token is asked from the host
 * before every call (never cached), `Accept-Language` follows the page, a 401 is handed back to
 * the host once, and error answers become the contracts' `ApiError`. Unlike the contracts'
 * `createApiClient` it does not parse answers with the zod schemas (architecture.md §8): the
 * answer types are the contracts' (checked at compile time, and the API's tests check its
 * answers against the same schemas), and leaving zod out keeps about 30 KB gzip off the page's
 * first load, which issue #6 caps at 200 KB.
 */
export function createModuleApiClient(ctx: MfeContext, getLocale: () => string): ModuleApi {
  const transport = createApiTransport({
    baseUrl: ctx.apiBaseUrl,
    getToken: () => ctx.auth.getToken(),
    onUnauthorized: () => ctx.auth.onUnauthorized(),
    getLocale,
  })
  const request = <T>(call: ApiCall<T>) => transport.request(call)
  const id = encodeURIComponent
  return {
    getMe: () => request<MeResponse>({ method: 'GET', path: '/v1/me' }),
    findPreregistrations: (query) =>
      request<PreregistrationPage>({
        method: 'GET',
        path: `${CD}/preregistrations`,
        query: { ...query },
      }),
    createPreregistration: (body) =>
      request<PreregistrationItem>({ method: 'POST', path: `${CD}/preregistrations`, body }),
    deletePreregistration: (preregistrationId) =>
      request<DeletePreregistrationResponse>({
        method: 'DELETE',
        path: `${CD}/preregistrations/${id(preregistrationId)}`,
      }),
    batchDeletePreregistrations: (preregistrationIds) =>
      request<BatchDeletePreregistrationsResponse>({
        method: 'POST',
        path: `${CD}/preregistrations/batch-delete`,
        body: { preregistrationIds },
      }),
    sendInvitations: (body, idempotencyKey) =>
      request<InvitationBatchResponse>({
        method: 'POST',
        path: `${CD}/invitations`,
        body,
        headers: idempotency(idempotencyKey),
      }),
    resendInvitation: (invitationId, idempotencyKey) =>
      request<InvitationBatchResponse>({
        method: 'POST',
        path: `${CD}/invitations/${id(invitationId)}/resend`,
        headers: idempotency(idempotencyKey),
      }),
    previewInvitation: (body) =>
      request<PreviewInvitationResponse>({
        method: 'POST',
        path: `${CD}/invitations/preview`,
        body,
      }),
    getInvitationBatch: (batchId) =>
      request<InvitationBatchProgress>({
        method: 'GET',
        path: `${CD}/invitation-batches/${id(batchId)}`,
      }),
    findHistory: (query) =>
      request<HistoryPage>({ method: 'GET', path: `${CD}/history`, query: { ...query } }),
  }
}

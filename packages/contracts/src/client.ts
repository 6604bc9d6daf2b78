import { z } from './zod'
import { MeResponse, SignInResponse, type SignInRequest } from './auth'
import {
  ApiKeyItem,
  ApiKeyPage,
  CreatedApiKey,
  type ApiKeyListQueryInput,
  type CreateApiKeyRequest,
  type CreatePlatformApiKeyRequest,
} from './api-keys'
import { OkResponse } from './common'
import { HealthResponse, ReadyResponse } from './health'
import { createApiTransport, type ApiCall, type ApiClientOptions } from './transport'
import {
  AcceptInvitationResponse,
  CustomerMe,
  CustomerSession,
  InvitationView,
  RenewalRequestResponse,
  type AcceptInvitationRequest,
  type CustomerSignInRequest,
  type InvitationTokenRequest,
  type RegisterCustomerRequest,
} from './public'
import {
  EmailCodeRequested,
  InvitationLinkView,
  type AcceptInvitationLinkRequest,
  type EmailCodeConfirmRequest,
  type InvitationLinkCodeRequest,
  type LinkRegisterCodeRequest,
  type LinkVerifyEmailCodeRequest,
} from './public-links'
import {
  ADMIN_ROUTES,
  AUTH_ROUTES,
  OPERATIONS_ROUTES,
  PARTNER_ROUTES,
  PUBLIC_ROUTES,
  idempotencyHeaders,
  routeCall,
  type ApiRoute,
  type PathParamsArg,
} from './routes'
import {
  AdminDoubleAssociationList,
  AdminPartner,
  AdminPartnerList,
  AdminPreregistrationItem,
  AdminPreregistrationPage,
  type ReviewPreregistrationRequest,
  type UpdatePartnerRequest,
} from './admin'
import { HistoryPage, type HistoryQueryInput } from './history'
import {
  GeneralInvitationLink,
  InvitationLinkItem,
  InvitationLinkPage,
  InvitationLinkUrl,
  LinkAssociationPage,
  type CreateInvitationLinkRequest,
  type InvitationLinkListQueryInput,
  type LinkAssociationListQueryInput,
} from './invitation-links'
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

import {
  CreatedWebhookEndpoint,
  RotatedWebhookSecret,
  WebhookDeliveryDetail,
  WebhookDeliveryItem,
  WebhookDeliveryPage,
  WebhookEndpointItem,
  WebhookEndpointPage,
  WebhookTestEventAnswer,
  type CreateWebhookEndpointRequest,
  type UpdateWebhookEndpointRequest,
  type WebhookDeliveryListQueryInput,
  type WebhookEndpointListQueryInput,
} from './webhooks'

/** One request of {@link ApiClient.request}: an {@link ApiCall} checked by a contract schema. */
export interface ApiRequest<T extends z.ZodType> extends Omit<ApiCall<z.infer<T>>, 'parse'> {
  schema: T
}

/** The query of a searchable list, as the contract knows it (no other field reaches the URL). */
function listQuery(query: PreregistrationListQueryInput | HistoryQueryInput) {
  const { page, pageSize, q, status, reveal, externalRef } = query
  return { page, pageSize, q, status, reveal, externalRef }
}

/**
 * A typed client of the Partner Center API, one method per route of the route table (operations,
 * partner users, admin and public), named as the route: method and path come from the table, every body is parsed with the
 * contract schemas, and error answers throw {@link ApiError} (network failures: code `NETWORK`).
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

  /** A call of a table route, its answer parsed by `schema`. */
  function call<R extends ApiRoute, T extends z.ZodType>(
    route: R,
    schema: T,
    options: Omit<ApiRequest<T>, 'method' | 'path' | 'schema'> = {},
    ...params: PathParamsArg<R['path']>
  ): Promise<z.infer<T>> {
    return request({ ...routeCall(route, ...params), ...options, schema })
  }

  return {
    request,
    /** Liveness: answers while the process runs. */
    health: () => call(OPERATIONS_ROUTES.health, HealthResponse),
    /** Readiness: answers 200 once the database answers. */
    ready: () => call(OPERATIONS_ROUTES.ready, ReadyResponse),
    signIn: (body: SignInRequest) => call(AUTH_ROUTES.signIn, SignInResponse, { body }),
    signOut: () => call(AUTH_ROUTES.signOut, OkResponse),
    getMe: () => call(AUTH_ROUTES.getMe, MeResponse),
    findPreregistrations: (query: PreregistrationListQueryInput) =>
      call(PARTNER_ROUTES.findPreregistrations, PreregistrationPage, {
        query: listQuery(query),
      }),
    createPreregistration: (body: CreatePreregistrationRequest) =>
      call(PARTNER_ROUTES.createPreregistration, PreregistrationItem, { body }),
    deletePreregistration: (id: string) =>
      call(PARTNER_ROUTES.deletePreregistration, DeletePreregistrationResponse, {}, { id }),
    batchDeletePreregistrations: (preregistrationIds: string[]) =>
      call(PARTNER_ROUTES.batchDeletePreregistrations, BatchDeletePreregistrationsResponse, {
        body: { preregistrationIds },
      }),
    /** Invite (R36); pass one idempotency key per dialog so a double click sends one batch. */
    sendInvitations: (body: SendInvitationsRequest, idempotencyKey?: string) =>
      call(PARTNER_ROUTES.sendInvitations, InvitationBatchResponse, {
        body,
        headers: idempotencyHeaders(PARTNER_ROUTES.sendInvitations, idempotencyKey),
      }),
    resendInvitation: (invitationId: string, idempotencyKey?: string) =>
      call(
        PARTNER_ROUTES.resendInvitation,
        InvitationBatchResponse,
        { headers: idempotencyHeaders(PARTNER_ROUTES.resendInvitation, idempotencyKey) },
        { id: invitationId }
      ),
    previewInvitation: (body: PreviewInvitationRequest) =>
      call(PARTNER_ROUTES.previewInvitation, PreviewInvitationResponse, { body }),
    getInvitationBatch: (batchId: string) =>
      call(PARTNER_ROUTES.getInvitationBatch, InvitationBatchProgress, {}, { id: batchId }),
    findHistory: (query: HistoryQueryInput) =>
      call(PARTNER_ROUTES.findHistory, HistoryPage, {
        query: { ...listQuery(query), channel: query.channel },
      }),
    /** The caller's general link, created on first call (R91): 201 then 200, with its `url`. */
    getGeneralInvitationLink: () =>
      call(PARTNER_ROUTES.getGeneralInvitationLink, GeneralInvitationLink),
    /** Replaces the caller's general link; the old one stops working at once (R92). */
    resetGeneralInvitationLink: () =>
      call(PARTNER_ROUTES.resetGeneralInvitationLink, GeneralInvitationLink),
    findInvitationLinks: (query: InvitationLinkListQueryInput) => {
      const { page, pageSize, q, status } = query
      return call(PARTNER_ROUTES.findInvitationLinks, InvitationLinkPage, {
        query: { page, pageSize, q, status },
      })
    },
    createInvitationLink: (body: CreateInvitationLinkRequest) =>
      call(PARTNER_ROUTES.createInvitationLink, InvitationLinkItem, { body }),
    /** The full link of a custom link, for Copy and QR (R97). */
    getInvitationLinkUrl: (linkId: string) =>
      call(PARTNER_ROUTES.getInvitationLinkUrl, InvitationLinkUrl, {}, { id: linkId }),
    disableInvitationLink: (linkId: string) =>
      call(PARTNER_ROUTES.disableInvitationLink, InvitationLinkItem, {}, { id: linkId }),
    enableInvitationLink: (linkId: string) =>
      call(PARTNER_ROUTES.enableInvitationLink, InvitationLinkItem, {}, { id: linkId }),
    findLinkAssociations: (query: LinkAssociationListQueryInput) => {
      const { page, pageSize, q, reveal } = query
      return call(PARTNER_ROUTES.findLinkAssociations, LinkAssociationPage, {
        query: { page, pageSize, q, reveal },
      })
    },
    /** The partner's API keys, newest first (R139); never the keys themselves. */
    findApiKeys: (query: ApiKeyListQueryInput = {}) =>
      call(PARTNER_ROUTES.findApiKeys, ApiKeyPage, {
        query: { page: query.page, pageSize: query.pageSize },
      }),
    /** Creates a key (R139): its `key` is in this answer only. */
    createApiKey: (body: CreateApiKeyRequest) =>
      call(PARTNER_ROUTES.createApiKey, CreatedApiKey, { body }),
    /** Revokes a key for good (R143); revoking a revoked key changes nothing. */
    revokeApiKey: (keyId: string) =>
      call(PARTNER_ROUTES.revokeApiKey, ApiKeyItem, {}, { id: keyId }),
    /** The platform's API keys, for the ecosystem manager (R139). */
    findPlatformApiKeys: (query: ApiKeyListQueryInput = {}) =>
      call(ADMIN_ROUTES.findPlatformApiKeys, ApiKeyPage, {
        query: { page: query.page, pageSize: query.pageSize },
      }),
    /** Creates a platform key (role `ecosystem_manager`): its `key` is in this answer only. */
    createPlatformApiKey: (body: CreatePlatformApiKeyRequest) =>
      call(ADMIN_ROUTES.createPlatformApiKey, CreatedApiKey, { body }),
    /** Revokes a platform key for good (R143). */
    revokePlatformApiKey: (keyId: string) =>
      call(ADMIN_ROUTES.revokePlatformApiKey, ApiKeyItem, {}, { id: keyId }),
    /** The partner's webhook endpoints, newest first (R126); never a secret. */
    findWebhookEndpoints: (query: WebhookEndpointListQueryInput = {}) =>
      call(PARTNER_ROUTES.findWebhookEndpoints, WebhookEndpointPage, {
        query: { page: query.page, pageSize: query.pageSize },
      }),
    /** Creates an endpoint (W1): its signing `secret` is in this answer only (R128). */
    createWebhookEndpoint: (body: CreateWebhookEndpointRequest) =>
      call(PARTNER_ROUTES.createWebhookEndpoint, CreatedWebhookEndpoint, { body }),
    getWebhookEndpoint: (endpointId: string) =>
      call(PARTNER_ROUTES.getWebhookEndpoint, WebhookEndpointItem, {}, { id: endpointId }),
    /** Edits, enables or disables an endpoint (W2, W3, W5). */
    updateWebhookEndpoint: (endpointId: string, body: UpdateWebhookEndpointRequest) =>
      call(PARTNER_ROUTES.updateWebhookEndpoint, WebhookEndpointItem, { body }, { id: endpointId }),
    /** Deletes an endpoint (W7): 204. */
    deleteWebhookEndpoint: (endpointId: string) =>
      call(PARTNER_ROUTES.deleteWebhookEndpoint, z.null(), {}, { id: endpointId }),
    /** Makes a new secret current (W6, R129): shown in this answer only. */
    rotateWebhookSecret: (endpointId: string) =>
      call(PARTNER_ROUTES.rotateWebhookSecret, RotatedWebhookSecret, {}, { id: endpointId }),
    /** Sends a test event to this endpoint only (R137): poll the delivery until it ends. */
    sendWebhookTestEvent: (endpointId: string) =>
      call(PARTNER_ROUTES.sendWebhookTestEvent, WebhookTestEventAnswer, {}, { id: endpointId }),
    /** The endpoint's delivery log, newest first (R138). */
    findWebhookDeliveries: (endpointId: string, query: WebhookDeliveryListQueryInput = {}) => {
      const { page, pageSize, status, eventType, eventId } = query
      return call(
        PARTNER_ROUTES.findWebhookDeliveries,
        WebhookDeliveryPage,
        { query: { page, pageSize, status, eventType, eventId } },
        { id: endpointId }
      )
    },
    /** One delivery with every attempt and the body sent (R138). */
    getWebhookDelivery: (endpointId: string, deliveryId: string) =>
      call(
        PARTNER_ROUTES.getWebhookDelivery,
        WebhookDeliveryDetail,
        {},
        { id: endpointId, deliveryId }
      ),
    /** Sends a delivery again with the same webhook-id and body (D7): 202 with the item. */
    redeliverWebhookDelivery: (endpointId: string, deliveryId: string) =>
      call(
        PARTNER_ROUTES.redeliverWebhookDelivery,
        WebhookDeliveryItem,
        {},
        { id: endpointId, deliveryId }
      ),
    /** The platform's webhook endpoints, newest first (R126); never a secret. */
    findPlatformWebhookEndpoints: (query: WebhookEndpointListQueryInput = {}) =>
      call(ADMIN_ROUTES.findPlatformWebhookEndpoints, WebhookEndpointPage, {
        query: { page: query.page, pageSize: query.pageSize },
      }),
    /** Creates an endpoint (W1): its signing `secret` is in this answer only (R128). */
    createPlatformWebhookEndpoint: (body: CreateWebhookEndpointRequest) =>
      call(ADMIN_ROUTES.createPlatformWebhookEndpoint, CreatedWebhookEndpoint, { body }),
    getPlatformWebhookEndpoint: (endpointId: string) =>
      call(ADMIN_ROUTES.getPlatformWebhookEndpoint, WebhookEndpointItem, {}, { id: endpointId }),
    /** Edits, enables or disables an endpoint (W2, W3, W5). */
    updatePlatformWebhookEndpoint: (endpointId: string, body: UpdateWebhookEndpointRequest) =>
      call(
        ADMIN_ROUTES.updatePlatformWebhookEndpoint,
        WebhookEndpointItem,
        { body },
        { id: endpointId }
      ),
    /** Deletes an endpoint (W7): 204. */
    deletePlatformWebhookEndpoint: (endpointId: string) =>
      call(ADMIN_ROUTES.deletePlatformWebhookEndpoint, z.null(), {}, { id: endpointId }),
    /** Makes a new secret current (W6, R129): shown in this answer only. */
    rotatePlatformWebhookSecret: (endpointId: string) =>
      call(ADMIN_ROUTES.rotatePlatformWebhookSecret, RotatedWebhookSecret, {}, { id: endpointId }),
    /** Sends a test event to this endpoint only (R137): poll the delivery until it ends. */
    sendPlatformWebhookTestEvent: (endpointId: string) =>
      call(
        ADMIN_ROUTES.sendPlatformWebhookTestEvent,
        WebhookTestEventAnswer,
        {},
        { id: endpointId }
      ),
    /** The endpoint's delivery log, newest first (R138). */
    findPlatformWebhookDeliveries: (
      endpointId: string,
      query: WebhookDeliveryListQueryInput = {}
    ) => {
      const { page, pageSize, status, eventType, eventId } = query
      return call(
        ADMIN_ROUTES.findPlatformWebhookDeliveries,
        WebhookDeliveryPage,
        { query: { page, pageSize, status, eventType, eventId } },
        { id: endpointId }
      )
    },
    /** One delivery with every attempt and the body sent (R138). */
    getPlatformWebhookDelivery: (endpointId: string, deliveryId: string) =>
      call(
        ADMIN_ROUTES.getPlatformWebhookDelivery,
        WebhookDeliveryDetail,
        {},
        { id: endpointId, deliveryId }
      ),
    /** Sends a delivery again with the same webhook-id and body (D7): 202 with the item. */
    redeliverPlatformWebhookDelivery: (endpointId: string, deliveryId: string) =>
      call(
        ADMIN_ROUTES.redeliverPlatformWebhookDelivery,
        WebhookDeliveryItem,
        {},
        { id: endpointId, deliveryId }
      ),
    findPartners: () => call(ADMIN_ROUTES.findPartners, AdminPartnerList),
    updatePartner: (partnerId: string, body: UpdatePartnerRequest) =>
      call(ADMIN_ROUTES.updatePartner, AdminPartner, { body }, { id: partnerId }),
    findReviewQueue: (query: { page?: number; pageSize?: number } = {}) =>
      call(ADMIN_ROUTES.findReviewQueue, AdminPreregistrationPage, {
        query: { status: 'PENDING_REVIEW', page: query.page, pageSize: query.pageSize },
      }),
    reviewPreregistration: (id: string, body: ReviewPreregistrationRequest) =>
      call(ADMIN_ROUTES.reviewPreregistration, AdminPreregistrationItem, { body }, { id }),
    findDoubleAssociations: () =>
      call(ADMIN_ROUTES.findDoubleAssociations, AdminDoubleAssociationList),
    /** What a link shows (R58); read-only, never consumes the link. */
    resolveInvitation: (body: InvitationTokenRequest) =>
      call(PUBLIC_ROUTES.resolveInvitation, InvitationView, { body }),
    registerCustomer: (body: RegisterCustomerRequest) =>
      call(PUBLIC_ROUTES.registerCustomer, CustomerSession, { body }),
    signInCustomer: (body: CustomerSignInRequest) =>
      call(PUBLIC_ROUTES.signInCustomer, CustomerSession, { body }),
    signOutCustomer: () => call(PUBLIC_ROUTES.signOutCustomer, OkResponse),
    getCustomerMe: () => call(PUBLIC_ROUTES.getCustomerMe, CustomerMe),
    acceptInvitation: (body: AcceptInvitationRequest) =>
      call(PUBLIC_ROUTES.acceptInvitation, AcceptInvitationResponse, { body }),
    requestRenewal: (body: InvitationTokenRequest) =>
      call(PUBLIC_ROUTES.requestRenewal, RenewalRequestResponse, { body }),
    /** What an invitation link shows (R100); read-only. */
    resolveInvitationLink: (body: InvitationLinkCodeRequest) =>
      call(PUBLIC_ROUTES.resolveInvitationLink, InvitationLinkView, { body }),
    /** Starts a registration through a link: emails a code (R101); 202 for every address. */
    requestLinkRegistrationCode: (body: LinkRegisterCodeRequest) =>
      call(PUBLIC_ROUTES.requestLinkRegistrationCode, EmailCodeRequested, { body }),
    /** Confirms the emailed code, creates the account and signs in (R104). */
    registerThroughLink: (body: EmailCodeConfirmRequest) =>
      call(PUBLIC_ROUTES.registerThroughLink, CustomerSession, { body }),
    /** A signed-in customer asks for a code to verify their email (R105). */
    requestLinkEmailVerificationCode: (body: LinkVerifyEmailCodeRequest) =>
      call(PUBLIC_ROUTES.requestLinkEmailVerificationCode, EmailCodeRequested, { body }),
    /** Confirms the code; answers the customer with `emailVerified: true` (R105). */
    verifyEmailThroughLink: (body: EmailCodeConfirmRequest) =>
      call(PUBLIC_ROUTES.verifyEmailThroughLink, CustomerMe, { body }),
    /** Accepts through a link (R107, R108). */
    acceptInvitationLink: (body: AcceptInvitationLinkRequest) =>
      call(PUBLIC_ROUTES.acceptInvitationLink, AcceptInvitationResponse, { body }),
  }
}

/** The client made by {@link createApiClient}. */
export type ApiClient = ReturnType<typeof createApiClient>

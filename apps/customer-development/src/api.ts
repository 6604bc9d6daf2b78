import {
  AUTH_ROUTES,
  PARTNER_ROUTES,
  idempotencyHeaders,
  routeCall,
  type ApiRoute,
  type PathParamsArg,
} from '@partner-center/contracts/routes'
import { createApiTransport, type ApiCall } from '@partner-center/contracts/transport'
import type { MfeContext } from '@partner-center/mfe-contract'
import type { ModuleApi } from './module-api'

/**
 * The API client of one mount, on the contracts' transport and route table (methods and paths
 * come from the table, ids are URL-encoded by it): the token is asked from the host
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
  /**
   * A call of a table route. The answer type is the one {@link ModuleApi} (the contracts'
   * client) gives the method, trusted rather than parsed (see above).
   */
  const call = <T, R extends ApiRoute>(
    route: R,
    options: Omit<ApiCall<T>, 'method' | 'path' | 'parse'> = {},
    ...params: PathParamsArg<R['path']>
  ) => transport.request<T>({ ...routeCall(route, ...params), ...options })
  const routes = PARTNER_ROUTES
  return {
    getMe: () => call(AUTH_ROUTES.getMe),
    findPreregistrations: (query) => call(routes.findPreregistrations, { query: { ...query } }),
    createPreregistration: (body) => call(routes.createPreregistration, { body }),
    deletePreregistration: (id) => call(routes.deletePreregistration, {}, { id }),
    batchDeletePreregistrations: (preregistrationIds) =>
      call(routes.batchDeletePreregistrations, { body: { preregistrationIds } }),
    sendInvitations: (body, key) =>
      call(routes.sendInvitations, {
        body,
        headers: idempotencyHeaders(routes.sendInvitations, key),
      }),
    resendInvitation: (id, key) =>
      call(
        routes.resendInvitation,
        { headers: idempotencyHeaders(routes.resendInvitation, key) },
        { id }
      ),
    previewInvitation: (body) => call(routes.previewInvitation, { body }),
    getInvitationBatch: (id) => call(routes.getInvitationBatch, {}, { id }),
    findHistory: (query) => call(routes.findHistory, { query: { ...query } }),
    getGeneralInvitationLink: () => call(routes.getGeneralInvitationLink),
    resetGeneralInvitationLink: () => call(routes.resetGeneralInvitationLink),
    findInvitationLinks: (query) => call(routes.findInvitationLinks, { query: { ...query } }),
    createInvitationLink: (body) => call(routes.createInvitationLink, { body }),
    getInvitationLinkUrl: (id) => call(routes.getInvitationLinkUrl, {}, { id }),
    disableInvitationLink: (id) => call(routes.disableInvitationLink, {}, { id }),
    enableInvitationLink: (id) => call(routes.enableInvitationLink, {}, { id }),
    findLinkAssociations: (query) => call(routes.findLinkAssociations, { query: { ...query } }),
    findApiKeys: (query) => call(routes.findApiKeys, { query: { ...query } }),
    createApiKey: (body) => call(routes.createApiKey, { body }),
    revokeApiKey: (id) => call(routes.revokeApiKey, {}, { id }),
    findWebhookEndpoints: (query) => call(routes.findWebhookEndpoints, { query: { ...query } }),
    createWebhookEndpoint: (body) => call(routes.createWebhookEndpoint, { body }),
    getWebhookEndpoint: (id) => call(routes.getWebhookEndpoint, {}, { id }),
    updateWebhookEndpoint: (id, body) => call(routes.updateWebhookEndpoint, { body }, { id }),
    deleteWebhookEndpoint: (id) => call(routes.deleteWebhookEndpoint, {}, { id }),
    rotateWebhookSecret: (id) => call(routes.rotateWebhookSecret, {}, { id }),
    sendWebhookTestEvent: (id) => call(routes.sendWebhookTestEvent, {}, { id }),
    findWebhookDeliveries: (id, query) =>
      call(routes.findWebhookDeliveries, { query: { ...query } }, { id }),
    getWebhookDelivery: (id, deliveryId) => call(routes.getWebhookDelivery, {}, { id, deliveryId }),
    redeliverWebhookDelivery: (id, deliveryId) =>
      call(routes.redeliverWebhookDelivery, {}, { id, deliveryId }),
  }
}

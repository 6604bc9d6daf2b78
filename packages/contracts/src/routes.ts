// No zod here: the micro-frontend and the portal import the table (through `./routes`) on their
// first load. This file is the one place an endpoint's method and path are written: the API's
// route definitions, `createApiClient`, the module's and the portal's clients all read it, and
// the API's tests check that the OpenAPI document holds exactly these (method, path) pairs.

/** The HTTP methods of the API. */
export type RouteMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * Who may call a route: `none` anyone (rate limited where domain.md says so), `user` a signed-in
 * partner user or the ecosystem manager (the route's permission key narrows it), `admin` the
 * ecosystem manager only, `customer` a signed-in customer of the portal.
 */
export type RouteAuth = 'none' | 'user' | 'admin' | 'customer'

/** One endpoint of the API: the row of the route table. */
export interface ApiRoute {
  readonly method: RouteMethod
  /** Below the API's base URL (`/api`), with `{name}` for each path parameter. */
  readonly path: string
  readonly auth: RouteAuth
  /** Honours an `Idempotency-Key` header: a retry with the same key replays the first answer (R43). */
  readonly idempotent: boolean
  /**
   * Whether an API key may call it (R141): `true` only on the `GET` routes of the partner and
   * admin tables and `GET /v1/me`; any other route answers a key 403 `API_KEY_NOT_ALLOWED`.
   */
  readonly apiKey: boolean
}

/**
 * The options every row states: whether an API key may call it (required, so no route forgets
 * it), and whether it honours an `Idempotency-Key` (default false).
 *
 * @example
 * const options: RouteOptions<true, false> = { apiKey: true }
 */
export interface RouteOptions<K extends boolean, I extends boolean> {
  apiKey: K
  idempotent?: I
}

/**
 * One row of the table. Marked free of side effects, so a bundler drops the rows of every group
 * a UI does not import (the module's first load carries only its own routes).
 *
 * @example
 * route('POST', '/v1/customer-development/invitations', 'user', { apiKey: false, idempotent: true })
 */
/* @__NO_SIDE_EFFECTS__ */
function route<
  const M extends RouteMethod,
  const P extends string,
  const A extends RouteAuth,
  const K extends boolean,
  const I extends boolean = false,
>(method: M, path: P, auth: A, options: RouteOptions<K, I>) {
  return {
    method,
    path,
    auth,
    idempotent: (options.idempotent ?? false) as I,
    apiKey: options.apiKey,
  }
}

// The two kinds of row of R141, so each row says which it is in a word.
const KEY_READ = { apiKey: true } as const
const NO_KEY = { apiKey: false } as const

const CD = '/v1/customer-development'
const ADMIN = '/v1/admin'

/** `/api/health` and `/api/ready`: for probes, unversioned. */
export const OPERATIONS_ROUTES = {
  health: route('GET', '/health', 'none', NO_KEY),
  ready: route('GET', '/ready', 'none', NO_KEY),
}

/** Sign-in, sign-out and `me` of partner users and the ecosystem manager. */
export const AUTH_ROUTES = {
  signIn: route('POST', '/v1/auth/sign-in', 'none', NO_KEY),
  signOut: route('POST', '/v1/auth/sign-out', 'user', NO_KEY),
  getMe: route('GET', '/v1/me', 'user', KEY_READ),
}

/** The Customer Development module of a partner (domain.md R19–R49, R74; links R90–R98). */
export const PARTNER_ROUTES = {
  findPreregistrations: route('GET', `${CD}/preregistrations`, 'user', KEY_READ),
  createPreregistration: route('POST', `${CD}/preregistrations`, 'user', NO_KEY),
  deletePreregistration: route('DELETE', `${CD}/preregistrations/{id}`, 'user', NO_KEY),
  batchDeletePreregistrations: route('POST', `${CD}/preregistrations/batch-delete`, 'user', NO_KEY),
  sendInvitations: route('POST', `${CD}/invitations`, 'user', { apiKey: false, idempotent: true }),
  resendInvitation: route('POST', `${CD}/invitations/{id}/resend`, 'user', {
    apiKey: false,
    idempotent: true,
  }),
  previewInvitation: route('POST', `${CD}/invitations/preview`, 'user', NO_KEY),
  getInvitationBatch: route('GET', `${CD}/invitation-batches/{id}`, 'user', KEY_READ),
  findHistory: route('GET', `${CD}/history`, 'user', KEY_READ),
  getGeneralInvitationLink: route('POST', `${CD}/invitation-links/general`, 'user', NO_KEY),
  resetGeneralInvitationLink: route('POST', `${CD}/invitation-links/general/reset`, 'user', NO_KEY),
  findInvitationLinks: route('GET', `${CD}/invitation-links`, 'user', KEY_READ),
  createInvitationLink: route('POST', `${CD}/invitation-links`, 'user', NO_KEY),
  // The link is a person's to hand out (R141).
  getInvitationLinkUrl: route('GET', `${CD}/invitation-links/{id}/url`, 'user', NO_KEY),
  disableInvitationLink: route('POST', `${CD}/invitation-links/{id}/disable`, 'user', NO_KEY),
  enableInvitationLink: route('POST', `${CD}/invitation-links/{id}/enable`, 'user', NO_KEY),
  findLinkAssociations: route('GET', `${CD}/link-associations`, 'user', KEY_READ),
  // Partner API keys (R139, R143): managed by a person only, never by a key (R141).
  findApiKeys: route('GET', `${CD}/api-keys`, 'user', NO_KEY),
  createApiKey: route('POST', `${CD}/api-keys`, 'user', NO_KEY),
  revokeApiKey: route('POST', `${CD}/api-keys/{id}/revoke`, 'user', NO_KEY),
  // Partner webhook endpoints (R126–R138): managed by a person only, never by a key (R141).
  findWebhookEndpoints: route('GET', `${CD}/webhook-endpoints`, 'user', NO_KEY),
  createWebhookEndpoint: route('POST', `${CD}/webhook-endpoints`, 'user', NO_KEY),
  getWebhookEndpoint: route('GET', `${CD}/webhook-endpoints/{id}`, 'user', NO_KEY),
  updateWebhookEndpoint: route('PATCH', `${CD}/webhook-endpoints/{id}`, 'user', NO_KEY),
  deleteWebhookEndpoint: route('DELETE', `${CD}/webhook-endpoints/{id}`, 'user', NO_KEY),
  rotateWebhookSecret: route('POST', `${CD}/webhook-endpoints/{id}/rotate-secret`, 'user', NO_KEY),
  sendWebhookTestEvent: route('POST', `${CD}/webhook-endpoints/{id}/test`, 'user', NO_KEY),
  findWebhookDeliveries: route('GET', `${CD}/webhook-endpoints/{id}/deliveries`, 'user', NO_KEY),
  getWebhookDelivery: route(
    'GET',
    `${CD}/webhook-endpoints/{id}/deliveries/{deliveryId}`,
    'user',
    NO_KEY
  ),
  redeliverWebhookDelivery: route(
    'POST',
    `${CD}/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver`,
    'user',
    NO_KEY
  ),
}

/** The ecosystem manager's endpoints (domain.md R9, R31; double associations, issue 13). */
export const ADMIN_ROUTES = {
  findPartners: route('GET', '/v1/admin/partners', 'admin', KEY_READ),
  updatePartner: route('PATCH', '/v1/admin/partners/{id}', 'admin', NO_KEY),
  findReviewQueue: route('GET', '/v1/admin/preregistrations', 'admin', KEY_READ),
  reviewPreregistration: route('POST', '/v1/admin/preregistrations/{id}/review', 'admin', NO_KEY),
  findDoubleAssociations: route('GET', '/v1/admin/double-associations', 'admin', KEY_READ),
  // Platform API keys of the ecosystem manager (R139, R143): never managed by a key (R141).
  findPlatformApiKeys: route('GET', '/v1/admin/api-keys', 'admin', NO_KEY),
  createPlatformApiKey: route('POST', '/v1/admin/api-keys', 'admin', NO_KEY),
  revokePlatformApiKey: route('POST', '/v1/admin/api-keys/{id}/revoke', 'admin', NO_KEY),
  // Platform webhook endpoints of the ecosystem manager (R126–R138): the partner rows' twins.
  findPlatformWebhookEndpoints: route('GET', `${ADMIN}/webhook-endpoints`, 'admin', NO_KEY),
  createPlatformWebhookEndpoint: route('POST', `${ADMIN}/webhook-endpoints`, 'admin', NO_KEY),
  getPlatformWebhookEndpoint: route('GET', `${ADMIN}/webhook-endpoints/{id}`, 'admin', NO_KEY),
  updatePlatformWebhookEndpoint: route('PATCH', `${ADMIN}/webhook-endpoints/{id}`, 'admin', NO_KEY),
  deletePlatformWebhookEndpoint: route(
    'DELETE',
    `${ADMIN}/webhook-endpoints/{id}`,
    'admin',
    NO_KEY
  ),
  rotatePlatformWebhookSecret: route(
    'POST',
    `${ADMIN}/webhook-endpoints/{id}/rotate-secret`,
    'admin',
    NO_KEY
  ),
  sendPlatformWebhookTestEvent: route(
    'POST',
    `${ADMIN}/webhook-endpoints/{id}/test`,
    'admin',
    NO_KEY
  ),
  findPlatformWebhookDeliveries: route(
    'GET',
    `${ADMIN}/webhook-endpoints/{id}/deliveries`,
    'admin',
    NO_KEY
  ),
  getPlatformWebhookDelivery: route(
    'GET',
    `${ADMIN}/webhook-endpoints/{id}/deliveries/{deliveryId}`,
    'admin',
    NO_KEY
  ),
  redeliverPlatformWebhookDelivery: route(
    'POST',
    `${ADMIN}/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver`,
    'admin',
    NO_KEY
  ),
}

/** The customer portal's endpoints (domain.md §2.4): the link token only ever in a body (R56). */
export const PUBLIC_ROUTES = {
  resolveInvitation: route('POST', '/v1/public/invitations/resolve', 'none', NO_KEY),
  registerCustomer: route('POST', '/v1/public/invitations/register', 'none', NO_KEY),
  signInCustomer: route('POST', '/v1/public/auth/sign-in', 'none', NO_KEY),
  signOutCustomer: route('POST', '/v1/public/auth/sign-out', 'customer', NO_KEY),
  getCustomerMe: route('GET', '/v1/public/auth/me', 'customer', NO_KEY),
  acceptInvitation: route('POST', '/v1/public/invitations/accept', 'customer', NO_KEY),
  requestRenewal: route('POST', '/v1/public/invitations/renewal-request', 'none', NO_KEY),
  // Invitation links (domain.md R100–R107): the link code only ever in a body (R99).
  resolveInvitationLink: route('POST', '/v1/public/invitation-links/resolve', 'none', NO_KEY),
  requestLinkRegistrationCode: route(
    'POST',
    '/v1/public/invitation-links/register/code',
    'none',
    NO_KEY
  ),
  registerThroughLink: route('POST', '/v1/public/invitation-links/register', 'none', NO_KEY),
  requestLinkEmailVerificationCode: route(
    'POST',
    '/v1/public/invitation-links/verify-email/code',
    'customer',
    NO_KEY
  ),
  verifyEmailThroughLink: route(
    'POST',
    '/v1/public/invitation-links/verify-email',
    'customer',
    NO_KEY
  ),
  acceptInvitationLink: route('POST', '/v1/public/invitation-links/accept', 'customer', NO_KEY),
}

/**
 * The route table: every endpoint of the API by name, with its method, path, auth kind and
 * idempotency. The groups above are separate constants so a UI that imports one group does not
 * carry the others in its bundle.
 *
 * @example
 * API_ROUTES.resendInvitation // { method: 'POST', path: '/v1/customer-development/invitations/{id}/resend', auth: 'user', idempotent: true, apiKey: false }
 */
export const API_ROUTES = /* @__PURE__ */ allRoutes()

// A call marked pure, not a spread at the top level: a bundler cannot prove a spread free of
// effects, and would keep every group in a UI that imports only one of them.
function allRoutes() {
  return {
    ...OPERATIONS_ROUTES,
    ...AUTH_ROUTES,
    ...PARTNER_ROUTES,
    ...ADMIN_ROUTES,
    ...PUBLIC_ROUTES,
  } satisfies Record<string, ApiRoute>
}

/** The name of a route of {@link API_ROUTES}. */
export type RouteName = keyof typeof API_ROUTES

/** The `{name}` parameters of a path template, as a union of names. */
export type PathParamName<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamName<Rest>
  : never

/** The arguments {@link pathOf} takes after the route: none, or one value per path parameter. */
export type PathParamsArg<P extends string> = [PathParamName<P>] extends [never]
  ? []
  : [params: Readonly<Record<PathParamName<P>, string>>]

/**
 * The path of a route with its parameters filled in, each one URL-encoded, so an id never
 * changes which endpoint is called.
 *
 * @example
 * pathOf(PARTNER_ROUTES.resendInvitation, { id: 'a/b' }) // '/v1/customer-development/invitations/a%2Fb/resend'
 */
export function pathOf<R extends ApiRoute>(
  route: R,
  ...[params]: PathParamsArg<R['path']>
): string {
  const values: Readonly<Record<string, string>> = params ?? {}
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new TypeError(`${route.path}: no value for {${name}}`)
    return encodeURIComponent(value)
  })
}

/**
 * Method and filled-in path of a route, the part of a transport call the table decides.
 *
 * @example
 * transport.request<MeResponse>(routeCall(AUTH_ROUTES.getMe))
 */
export function routeCall<R extends ApiRoute>(
  route: R,
  ...params: PathParamsArg<R['path']>
): { method: R['method']; path: string } {
  return { method: route.method, path: pathOf(route, ...params) }
}

/**
 * The `Idempotency-Key` header of a call (R43), or none without a key. Only an `idempotent`
 * route of the table takes one, so a key sent elsewhere is a compile error, not a silent no-op.
 *
 * @example
 * idempotencyHeaders(PARTNER_ROUTES.sendInvitations, 'dialog-1') // { 'idempotency-key': 'dialog-1' }
 */
export function idempotencyHeaders(
  _route: ApiRoute & { readonly idempotent: true },
  key: string | undefined
): Record<string, string> {
  return key ? { 'idempotency-key': key } : {}
}

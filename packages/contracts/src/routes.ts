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
}

/**
 * One row of the table. Marked free of side effects, so a bundler drops the rows of every group
 * a UI does not import (the module's first load carries only its own routes).
 *
 * @example
 * route('POST', '/v1/customer-development/invitations', 'user', { idempotent: true })
 */
/* @__NO_SIDE_EFFECTS__ */
function route<
  const M extends RouteMethod,
  const P extends string,
  const A extends RouteAuth,
  const I extends boolean = false,
>(method: M, path: P, auth: A, options?: { idempotent: I }) {
  return { method, path, auth, idempotent: (options?.idempotent ?? false) as I }
}

const CD = '/v1/customer-development'

/** `/api/health` and `/api/ready`: for probes, unversioned. */
export const OPERATIONS_ROUTES = {
  health: route('GET', '/health', 'none'),
  ready: route('GET', '/ready', 'none'),
}

/** Sign-in, sign-out and `me` of partner users and the ecosystem manager. */
export const AUTH_ROUTES = {
  signIn: route('POST', '/v1/auth/sign-in', 'none'),
  signOut: route('POST', '/v1/auth/sign-out', 'user'),
  getMe: route('GET', '/v1/me', 'user'),
}

/** The Customer Development module of a partner (domain.md R19–R49, R74; links R90–R98). */
export const PARTNER_ROUTES = {
  findPreregistrations: route('GET', `${CD}/preregistrations`, 'user'),
  createPreregistration: route('POST', `${CD}/preregistrations`, 'user'),
  deletePreregistration: route('DELETE', `${CD}/preregistrations/{id}`, 'user'),
  batchDeletePreregistrations: route('POST', `${CD}/preregistrations/batch-delete`, 'user'),
  sendInvitations: route('POST', `${CD}/invitations`, 'user', { idempotent: true }),
  resendInvitation: route('POST', `${CD}/invitations/{id}/resend`, 'user', { idempotent: true }),
  previewInvitation: route('POST', `${CD}/invitations/preview`, 'user'),
  getInvitationBatch: route('GET', `${CD}/invitation-batches/{id}`, 'user'),
  findHistory: route('GET', `${CD}/history`, 'user'),
  getGeneralInvitationLink: route('POST', `${CD}/invitation-links/general`, 'user'),
  resetGeneralInvitationLink: route('POST', `${CD}/invitation-links/general/reset`, 'user'),
  findInvitationLinks: route('GET', `${CD}/invitation-links`, 'user'),
  createInvitationLink: route('POST', `${CD}/invitation-links`, 'user'),
  getInvitationLinkUrl: route('GET', `${CD}/invitation-links/{id}/url`, 'user'),
  disableInvitationLink: route('POST', `${CD}/invitation-links/{id}/disable`, 'user'),
  enableInvitationLink: route('POST', `${CD}/invitation-links/{id}/enable`, 'user'),
  findLinkAssociations: route('GET', `${CD}/link-associations`, 'user'),
}

/** The ecosystem manager's endpoints (domain.md R9, R31; double associations, issue 13). */
export const ADMIN_ROUTES = {
  findPartners: route('GET', '/v1/admin/partners', 'admin'),
  updatePartner: route('PATCH', '/v1/admin/partners/{id}', 'admin'),
  findReviewQueue: route('GET', '/v1/admin/preregistrations', 'admin'),
  reviewPreregistration: route('POST', '/v1/admin/preregistrations/{id}/review', 'admin'),
  findDoubleAssociations: route('GET', '/v1/admin/double-associations', 'admin'),
}

/** The customer portal's endpoints (domain.md §2.4): the link token only ever in a body (R56). */
export const PUBLIC_ROUTES = {
  resolveInvitation: route('POST', '/v1/public/invitations/resolve', 'none'),
  registerCustomer: route('POST', '/v1/public/invitations/register', 'none'),
  signInCustomer: route('POST', '/v1/public/auth/sign-in', 'none'),
  signOutCustomer: route('POST', '/v1/public/auth/sign-out', 'customer'),
  getCustomerMe: route('GET', '/v1/public/auth/me', 'customer'),
  acceptInvitation: route('POST', '/v1/public/invitations/accept', 'customer'),
  requestRenewal: route('POST', '/v1/public/invitations/renewal-request', 'none'),
  // Invitation links (domain.md R100–R107): the link code only ever in a body (R99).
  resolveInvitationLink: route('POST', '/v1/public/invitation-links/resolve', 'none'),
  requestLinkRegistrationCode: route('POST', '/v1/public/invitation-links/register/code', 'none'),
  registerThroughLink: route('POST', '/v1/public/invitation-links/register', 'none'),
  requestLinkEmailVerificationCode: route(
    'POST',
    '/v1/public/invitation-links/verify-email/code',
    'customer'
  ),
  verifyEmailThroughLink: route('POST', '/v1/public/invitation-links/verify-email', 'customer'),
  acceptInvitationLink: route('POST', '/v1/public/invitation-links/accept', 'customer'),
}

/**
 * The route table: every endpoint of the API by name, with its method, path, auth kind and
 * idempotency. The groups above are separate constants so a UI that imports one group does not
 * carry the others in its bundle.
 *
 * @example
 * API_ROUTES.resendInvitation // { method: 'POST', path: '/v1/customer-development/invitations/{id}/resend', auth: 'user', idempotent: true }
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

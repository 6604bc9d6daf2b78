import {
  AcceptInvitationResponse,
  ApiError,
  createApiClient,
  CustomerMe,
  CustomerSession,
  InvitationView,
  OkResponse,
  RenewalRequestResponse,
} from '@partner-center/contracts'

const SESSION_KEY = 'partner-center.customer-session'

/** The signed-in customer as the portal keeps it (R79: sessionStorage survives a reload). */
export interface StoredSession {
  token: string
  email: string
}

/** Reads the stored customer session, if any. */
export function readSession(storage: Storage = sessionStorage): StoredSession | null {
  try {
    const parsed = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null
    return parsed && typeof parsed.token === 'string' ? parsed : null
  } catch {
    return null
  }
}

/** Stores or clears the customer session. */
export function writeSession(session: StoredSession | null, storage: Storage = sessionStorage) {
  if (session) storage.setItem(SESSION_KEY, JSON.stringify(session))
  else storage.removeItem(SESSION_KEY)
}

/**
 * The customer-side calls of the API. The link token travels only in request bodies (R56).
 */
export function createPortalApi(options: { getLocale: () => string }) {
  const api = createApiClient({
    baseUrl: '/api',
    getToken: () => readSession()?.token ?? null,
    getLocale: options.getLocale,
  })
  const post = <T extends Parameters<typeof api.request>[0]['schema']>(
    path: string,
    body: unknown,
    schema: T
  ) => api.request({ method: 'POST', path: `/v1/public${path}`, body, schema })
  return {
    resolve: (token: string) => post('/invitations/resolve', { token }, InvitationView),
    register: (body: {
      token: string
      displayName: string
      password: string
      mobile?: string
      termsAccepted: true
    }) => post('/invitations/register', body, CustomerSession),
    signIn: (body: { email: string; password: string }) =>
      post('/auth/sign-in', body, CustomerSession),
    signOut: () => post('/auth/sign-out', undefined, OkResponse),
    me: () => api.request({ method: 'GET', path: '/v1/public/auth/me', schema: CustomerMe }),
    accept: (token: string, instructionsAccepted: boolean) =>
      post('/invitations/accept', { token, instructionsAccepted }, AcceptInvitationResponse),
    requestRenewal: (token: string) =>
      post('/invitations/renewal-request', { token }, RenewalRequestResponse),
  }
}

/** The API calls of the portal. */
export type PortalApi = ReturnType<typeof createPortalApi>

/** Any failure as an ApiError, so every page shows a catalogue code and message. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError({
    code: 'INTERNAL',
    status: 0,
    message: error instanceof Error ? error.message : String(error),
  })
}

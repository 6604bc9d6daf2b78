import {
  createApiClient,
  type CustomerSignInRequest,
  type EmailCodeConfirmRequest,
  type LinkRegisterCodeRequest,
  type RegisterCustomerRequest,
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
 * The customer-side calls of the API: the contracts' client, whose public methods take their
 * paths from the route table. The link token (R56) and the invitation link code (R99) travel
 * only in request bodies.
 */
export function createPortalApi(options: { getLocale: () => string }) {
  const api = createApiClient({
    baseUrl: '/api',
    getToken: () => readSession()?.token ?? null,
    getLocale: options.getLocale,
  })
  return {
    resolve: (token: string) => api.resolveInvitation({ token }),
    register: (body: RegisterCustomerRequest) => api.registerCustomer(body),
    signIn: (body: CustomerSignInRequest) => api.signInCustomer(body),
    signOut: () => api.signOutCustomer(),
    me: () => api.getCustomerMe(),
    accept: (token: string, instructionsAccepted: boolean) =>
      api.acceptInvitation({ token, instructionsAccepted }),
    requestRenewal: (token: string) => api.requestRenewal({ token }),
    // Invitation links (R100–R107).
    resolveLink: (code: string) => api.resolveInvitationLink({ code }),
    requestRegistrationCode: (body: LinkRegisterCodeRequest) =>
      api.requestLinkRegistrationCode(body),
    registerThroughLink: (body: EmailCodeConfirmRequest) => api.registerThroughLink(body),
    requestVerificationCode: (code: string, locale: LinkRegisterCodeRequest['locale']) =>
      api.requestLinkEmailVerificationCode({ code, locale }),
    verifyEmail: (body: EmailCodeConfirmRequest) => api.verifyEmailThroughLink(body),
    acceptLink: (code: string, instructionsAccepted: boolean) =>
      api.acceptInvitationLink({ code, instructionsAccepted }),
  }
}

/** The API calls of the portal. */
export type PortalApi = ReturnType<typeof createPortalApi>

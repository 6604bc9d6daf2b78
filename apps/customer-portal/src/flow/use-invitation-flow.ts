import type { AcceptInvitationResponse, ApiError, InvitationView } from '@partner-center/contracts'
import { toApiError } from '@partner-center/contracts/transport'
import { canRequestRenewal, isSameMailbox } from '@partner-center/domain'
import { reactive } from 'vue'
import { endsTheLink } from '../lib/invitation-link'
import { readSession, writeSession, type PortalApi } from './portal-api'

/** The pages of the link journey (domain.md S14–S19). */
export type FlowStep =
  | 'loading'
  | 'no-link'
  | 'landing'
  | 'register'
  | 'sign-in'
  | 'accept'
  | 'mismatch'
  | 'success'
  | 'failure'

/** A failure as the customer sees it, with whom to ask (R58 `details.partnerName`). */
export interface FlowFailure {
  code: string
  message: string
  partnerName: string | null
  partnerContactEmail: string | null
  canAskForRenewal: boolean
  retryable: boolean
}

/**
 * An error answer as the failure page shows it. `known`: what the page already knows of the
 * partner (the resolved invitation or link), used when the answer names no partner. `renewal`:
 * whether the channel has an invitation to renew (an invitation link has none, S28).
 */
export function toFlowFailure(
  error: ApiError,
  known: Pick<InvitationView, 'partnerName' | 'partnerContactEmail'> | null,
  options: { renewal: boolean } = { renewal: true }
): FlowFailure {
  const details = error.details ?? {}
  return {
    code: error.code,
    message: error.message,
    partnerName:
      typeof details.partnerName === 'string' ? details.partnerName : (known?.partnerName ?? null),
    partnerContactEmail:
      typeof details.partnerContactEmail === 'string'
        ? details.partnerContactEmail
        : (known?.partnerContactEmail ?? null),
    canAskForRenewal: options.renewal && canRequestRenewal(error.code),
    retryable: error.code === 'SYSTEM_BUSY' || error.code === 'NETWORK',
  }
}

/** What the page does when the link can do nothing more. */
export interface InvitationFlowHooks {
  /** After success or a terminal answer ({@link endsTheLink}): the page forgets the token. */
  onLinkEnded?: () => void
}

/**
 * The state machine of the link journey: resolve (read-only), register or sign in, accept, and
 * the result or link problem with "ask for a new invitation". Every failure ends on a page that
 * says what happened and what to do.
 */
export function useInvitationFlow(
  api: PortalApi,
  token: string | null,
  hooks: InvitationFlowHooks = {}
) {
  const state = reactive({
    step: token ? 'loading' : 'no-link',
    view: null as InvitationView | null,
    signedInEmail: readSession()?.email ?? null,
    failure: null as FlowFailure | null,
    formError: null as ApiError | null,
    accepted: null as AcceptInvitationResponse | null,
    renewalRequested: false,
    busy: false,
  })

  function fail(error: unknown) {
    state.failure = toFlowFailure(toApiError(error), state.view)
    state.step = 'failure'
    if (endsTheLink(state.failure.code)) hooks.onLinkEnded?.()
  }

  function afterSignedIn() {
    const session = readSession()
    if (!session || !state.view) return
    state.signedInEmail = session.email
    // The server's recipient check (R63) compares canonical forms; so does this screen.
    state.step = isSameMailbox(session.email, state.view.invitedEmail) ? 'accept' : 'mismatch'
  }

  async function run(action: () => Promise<void>) {
    state.busy = true
    state.formError = null
    try {
      await action()
    } finally {
      state.busy = false
    }
  }

  async function start() {
    if (!token) return
    try {
      state.view = await api.resolve(token)
    } catch (error) {
      return fail(error)
    }
    if (readSession()) {
      try {
        const me = await api.me()
        writeSession({ token: readSession()?.token ?? '', email: me.email })
        return afterSignedIn()
      } catch {
        writeSession(null)
        state.signedInEmail = null
      }
    }
    state.step = 'landing'
  }

  const register = (form: { displayName: string; password: string; mobile?: string }) =>
    run(async () => {
      if (!token) return
      try {
        const session = await api.register({ token, ...form, termsAccepted: true })
        writeSession({ token: session.token, email: session.customer.email })
        afterSignedIn()
      } catch (error) {
        const apiError = toApiError(error)
        // S15: an existing account switches to sign-in with the email kept.
        if (apiError.code === 'ACCOUNT_EXISTS') state.step = 'sign-in'
        state.formError = apiError
      }
    })

  const signIn = (password: string) =>
    run(async () => {
      if (!state.view) return
      try {
        const session = await api.signIn({ email: state.view.invitedEmail, password })
        writeSession({ token: session.token, email: session.customer.email })
        afterSignedIn()
      } catch (error) {
        state.formError = toApiError(error)
      }
    })

  const signOut = () =>
    run(async () => {
      await api.signOut().catch(() => undefined)
      writeSession(null)
      state.signedInEmail = null
      state.step = 'landing'
    })

  const accept = (instructionsAccepted: boolean) =>
    run(async () => {
      if (!token) return
      try {
        state.accepted = await api.accept(token, instructionsAccepted)
        state.step = 'success'
        hooks.onLinkEnded?.()
      } catch (error) {
        const apiError = toApiError(error)
        if (apiError.code === 'AGREEMENT_REQUIRED') state.formError = apiError
        else if (apiError.code === 'RECIPIENT_MISMATCH') state.step = 'mismatch'
        else if (apiError.code === 'NOT_AUTHENTICATED') {
          writeSession(null)
          state.step = 'landing'
        } else fail(apiError)
      }
    })

  const requestRenewal = () =>
    run(async () => {
      if (!token) return
      try {
        await api.requestRenewal(token)
        state.renewalRequested = true
      } catch (error) {
        fail(error)
      }
    })

  const retry = () => {
    state.failure = null
    state.step = 'loading'
    return start()
  }

  return {
    state,
    start,
    register,
    signIn,
    signOut,
    accept,
    requestRenewal,
    retry,
    goTo: (step: FlowStep) => (state.step = step),
  }
}

/** The flow returned by {@link useInvitationFlow}. */
export type InvitationFlow = ReturnType<typeof useInvitationFlow>

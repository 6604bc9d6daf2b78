import type {
  AcceptInvitationResponse,
  ApiError,
  EmailCodeRequested,
  InvitationLinkView,
} from '@partner-center/contracts'
import { toApiError } from '@partner-center/contracts/transport'
import { reactive } from 'vue'
import type { RegistrationForm } from '../components/account-form-state'
import type { PortalLocale } from '../i18n'
import { isLinkAnswer } from '../lib/offline-link'
import { readSession, writeSession, type PortalApi } from './portal-api'
import { toFlowFailure, type FlowFailure } from './use-invitation-flow'

/** The pages of the invitation-link journey (domain.md S25–S28). */
export type LinkFlowStep =
  | 'loading'
  | 'no-link'
  | 'landing'
  | 'register'
  | 'register-code'
  | 'sign-in'
  | 'verify'
  | 'accept'
  | 'success'
  | 'failure'

/** The customer signed in on this tab, as `GET …/auth/me` answers (R105). */
export interface SignedInCustomer {
  email: string
  emailVerified: boolean
}

/** The code the API has emailed (R101, R105), with when the page may ask again (ms epoch). */
export interface SentCode extends EmailCodeRequested {
  resendAt: number
}

/** A refused code under the code field (S26): the message and the tries left, if answered. */
export interface CodeError {
  message: string
  triesLeft: number | null
}

/** A registration the customer filled in (S26): the email is always typed on a link. */
export type LinkRegistration = RegistrationForm & { email: string }

/** What the link flow needs besides the API. */
export interface LinkFlowOptions {
  /** The page's language: the language of the code email (R101, R105). */
  getLocale: () => PortalLocale
  /** After success or a link answer (R100): the page forgets the code (R99). */
  onLinkEnded?: () => void
  /** The clock, for the resend countdown; tests pass their own. */
  now?: () => number
}

/** What the link pages show; the flow alone changes it. */
export interface LinkFlowState {
  step: LinkFlowStep
  /** The link as R100 answers it. */
  view: InvitationLinkView | null
  customer: SignedInCustomer | null
  /** The form of S26 as sent, for "Resend Code" and the sign-in after `ACCOUNT_EXISTS`. */
  registration: LinkRegistration | null
  /** The email the sign-in form starts with (S26: kept after `ACCOUNT_EXISTS`). */
  signInEmail: string
  sentCode: SentCode | null
  codeError: CodeError | null
  formError: ApiError | null
  failure: FlowFailure | null
  accepted: AcceptInvitationResponse | null
  busy: boolean
}

// Answers of a code confirmation after which the code can do nothing more: ask for a new one.
const CODE_GONE = ['EMAIL_CODE_EXPIRED', 'EMAIL_CODE_TRIES_EXHAUSTED']

function triesLeftOf(error: ApiError): number | null {
  const value = error.details?.triesLeft
  return typeof value === 'number' ? value : null
}

/**
 * The state machine of the invitation-link journey: resolve (read-only, R100), register with an
 * emailed code (R101–R104) or sign in and confirm the email (R105), accept (R107) and the result.
 * Every failure ends on a page that says what happened and what to do; there is no invitation to
 * renew, so no renewal (S28).
 */
export function useLinkFlow(api: PortalApi, code: string | null, options: LinkFlowOptions) {
  const now = options.now ?? Date.now
  const state = reactive<LinkFlowState>({
    step: code ? 'loading' : 'no-link',
    view: null,
    customer: null,
    registration: null,
    signInEmail: '',
    sentCode: null,
    codeError: null,
    formError: null,
    failure: null,
    accepted: null,
    busy: false,
  })

  function fail(error: unknown) {
    state.failure = toFlowFailure(toApiError(error), state.view, { renewal: false })
    state.step = 'failure'
    if (isLinkAnswer(state.failure.code)) options.onLinkEnded?.()
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

  function codeSent(answer: EmailCodeRequested) {
    state.sentCode = { ...answer, resendAt: now() + answer.resendAfterSeconds * 1000 }
    state.codeError = null
  }

  function signedIn(customer: SignedInCustomer) {
    state.customer = customer
    state.sentCode = null
    state.codeError = null
    state.step = customer.emailVerified ? 'accept' : 'verify'
  }

  function signedOutLocally() {
    writeSession(null)
    state.customer = null
    state.sentCode = null
    state.step = 'landing'
  }

  async function start() {
    if (!code) return
    try {
      state.view = await api.resolveLink(code)
    } catch (error) {
      return fail(error)
    }
    const session = readSession()
    if (session) {
      try {
        const me = await api.me()
        writeSession({ token: session.token, email: me.email })
        state.customer = { email: me.email, emailVerified: me.emailVerified }
      } catch {
        writeSession(null)
      }
    }
    state.step = 'landing'
  }

  /** S27: a customer already signed in continues from there. */
  function continueSignedIn() {
    if (state.customer) signedIn(state.customer)
  }

  async function requestRegistrationCode(form: LinkRegistration) {
    if (!code) return
    try {
      codeSent(
        await api.requestRegistrationCode({
          code,
          ...form,
          termsAccepted: true,
          locale: options.getLocale(),
        })
      )
      state.step = 'register-code'
    } catch (error) {
      const apiError = toApiError(error)
      if (isLinkAnswer(apiError.code)) return fail(apiError)
      state.formError = apiError
    }
  }

  /** S26 "Send Code": keeps the form, so "Change email" and "Resend Code" can use it again. */
  const sendRegistrationCode = (form: LinkRegistration) =>
    run(async () => {
      state.registration = { ...form }
      await requestRegistrationCode(form)
    })

  const resendRegistrationCode = () =>
    run(async () => {
      if (state.registration) await requestRegistrationCode(state.registration)
    })

  /** S26 "Change email": back to the form with its values kept. */
  function changeEmail() {
    state.sentCode = null
    state.codeError = null
    state.step = 'register'
  }

  /** A refused confirmation (R104, R105), the same for registering and verifying. */
  function codeRefused(apiError: ApiError, backTo: () => void) {
    if (isLinkAnswer(apiError.code)) return fail(apiError)
    if (apiError.code === 'EMAIL_CODE_INVALID') {
      state.codeError = { message: apiError.message, triesLeft: triesLeftOf(apiError) }
      return
    }
    if (CODE_GONE.includes(apiError.code)) {
      state.sentCode = null
      backTo()
    }
    state.formError = apiError
  }

  const confirmRegistration = (emailCode: string) =>
    run(async () => {
      if (!code || !state.sentCode) return
      try {
        const session = await api.registerThroughLink({
          code,
          pendingRegistrationId: state.sentCode.pendingRegistrationId,
          emailCode,
        })
        writeSession({ token: session.token, email: session.customer.email })
        // The code has proved the mailbox: the new account's email is verified (R104).
        signedIn({ email: session.customer.email, emailVerified: true })
      } catch (error) {
        const apiError = toApiError(error)
        if (apiError.code === 'ACCOUNT_EXISTS') {
          // S26: an existing account switches to sign-in with the email kept.
          state.signInEmail = state.registration?.email ?? ''
          state.sentCode = null
          state.step = 'sign-in'
          state.formError = apiError
          return
        }
        if (apiError.code === 'VALIDATION_FAILED') {
          state.sentCode = null
          state.step = 'register'
          state.formError = apiError
          return
        }
        codeRefused(apiError, () => (state.step = 'register'))
      }
    })

  const signIn = (password: string, email: string) =>
    run(async () => {
      try {
        const session = await api.signIn({ email, password })
        writeSession({ token: session.token, email: session.customer.email })
        const me = await api.me()
        signedIn({ email: me.email, emailVerified: me.emailVerified })
      } catch (error) {
        state.signInEmail = email
        state.formError = toApiError(error)
      }
    })

  /** S27 "Send Code" and "Resend Code" of a signed-in customer (R105). */
  const requestVerificationCode = () =>
    run(async () => {
      if (!code) return
      try {
        codeSent(await api.requestVerificationCode(code, options.getLocale()))
      } catch (error) {
        const apiError = toApiError(error)
        if (isLinkAnswer(apiError.code)) return fail(apiError)
        if (apiError.code === 'NOT_AUTHENTICATED') return signedOutLocally()
        state.formError = apiError
      }
    })

  const confirmVerification = (emailCode: string) =>
    run(async () => {
      if (!code || !state.sentCode) return
      try {
        const me = await api.verifyEmail({
          code,
          pendingRegistrationId: state.sentCode.pendingRegistrationId,
          emailCode,
        })
        signedIn({ email: me.email, emailVerified: me.emailVerified })
      } catch (error) {
        const apiError = toApiError(error)
        if (apiError.code === 'NOT_AUTHENTICATED') return signedOutLocally()
        codeRefused(apiError, () => undefined)
      }
    })

  const signOut = () =>
    run(async () => {
      await api.signOut().catch(() => undefined)
      signedOutLocally()
    })

  const accept = (instructionsAccepted: boolean) =>
    run(async () => {
      if (!code) return
      try {
        state.accepted = await api.acceptLink(code, instructionsAccepted)
        state.step = 'success'
        options.onLinkEnded?.()
      } catch (error) {
        const apiError = toApiError(error)
        if (apiError.code === 'AGREEMENT_REQUIRED') state.formError = apiError
        else if (apiError.code === 'EMAIL_NOT_VERIFIED' && state.customer) {
          signedIn({ ...state.customer, emailVerified: false })
          state.formError = apiError
        } else if (apiError.code === 'NOT_AUTHENTICATED') signedOutLocally()
        else fail(apiError)
      }
    })

  const retry = () => {
    state.failure = null
    state.step = 'loading'
    return start()
  }

  /** Leaves a form for another step (landing buttons, the forms' switch buttons). */
  function goTo(step: 'register' | 'sign-in') {
    state.formError = null
    state.step = step
  }

  return {
    state,
    start,
    continueSignedIn,
    sendRegistrationCode,
    resendRegistrationCode,
    changeEmail,
    confirmRegistration,
    signIn,
    requestVerificationCode,
    confirmVerification,
    signOut,
    accept,
    retry,
    goTo,
  }
}

/** The flow returned by {@link useLinkFlow}. */
export type LinkFlow = ReturnType<typeof useLinkFlow>

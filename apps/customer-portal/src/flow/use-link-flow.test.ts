import { ApiError, type InvitationLinkView } from '@partner-center/contracts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PortalApi } from './portal-api'
import { useLinkFlow, type LinkRegistration } from './use-link-flow'

const view: InvitationLinkView = {
  partnerName: 'Acme Cloud Services',
  partnerContactEmail: 'partners@acme.example',
  associationType: 'reseller',
  expiresAt: null,
  locale: 'zh-CN',
  platformName: 'Example Cloud',
}
const CODE = 'L'.repeat(43)
const NOW = Date.parse('2026-03-02T09:00:00.000Z')
const PENDING = '00000000-0000-4000-8000-0000000000aa'
const SESSION_KEY = 'partner-center.customer-session'
const form: LinkRegistration = {
  email: 'new.link@customer.example',
  displayName: 'Link Owner',
  password: 'correct horse battery',
}

const session = (email: string) => ({
  token: 's'.repeat(43),
  expiresAt: '2026-03-02T17:00:00.000Z',
  customer: { id: '00000000-0000-4000-8000-000000000001', email, displayName: 'X' },
})
const me = (email: string, emailVerified: boolean) => ({
  id: '00000000-0000-4000-8000-000000000001',
  email,
  displayName: 'X',
  emailVerified,
})
const codeRequested = {
  pendingRegistrationId: PENDING,
  expiresAt: '2026-03-02T09:10:00.000Z',
  resendAfterSeconds: 60,
}

function apiError(code: string, status: number, details?: Record<string, unknown>) {
  return new ApiError({ code, status, message: `message of ${code}`, details, requestId: 'r' })
}
const refuse = (code: string, status: number, details?: Record<string, unknown>) =>
  vi.fn(async () => Promise.reject(apiError(code, status, details)))
const notCalled = () => Promise.reject(new Error('a link makes no email-invitation call'))

function fakeApi(overrides: Partial<PortalApi> = {}): PortalApi {
  return {
    resolve: vi.fn(notCalled),
    register: vi.fn(notCalled),
    accept: vi.fn(notCalled),
    requestRenewal: vi.fn(notCalled),
    signIn: vi.fn(async () => session('old.friend@customer.example')),
    signOut: vi.fn(async () => ({ ok: true as const })),
    me: vi.fn(async () => me('old.friend@customer.example', true)),
    resolveLink: vi.fn(async () => view),
    requestRegistrationCode: vi.fn(async () => codeRequested),
    registerThroughLink: vi.fn(async () => session(form.email)),
    requestVerificationCode: vi.fn(async () => codeRequested),
    verifyEmail: vi.fn(async () => me('old.friend@customer.example', true)),
    acceptLink: vi.fn(async () => ({
      partnerName: view.partnerName,
      partnerContactEmail: view.partnerContactEmail,
      associationType: 'reseller' as const,
      associatedAt: '2026-03-02T09:05:00.000Z',
      frozenPendingBudget: true,
    })),
    ...overrides,
  }
}

function flowOf(api: PortalApi, code: string | null = CODE) {
  const onLinkEnded = vi.fn()
  const flow = useLinkFlow(api, code, { getLocale: () => 'zh-CN', onLinkEnded, now: () => NOW })
  return { flow, onLinkEnded }
}

/** A flow on the code step of S26, after "Send Code". */
async function atCodeStep(api: PortalApi) {
  const started = flowOf(api)
  await started.flow.start()
  started.flow.goTo('register')
  await started.flow.sendRegistrationCode(form)
  return started
}

beforeEach(() => {
  sessionStorage.clear()
})

describe('the invitation-link flow (S25–S28)', () => {
  it('registers with the emailed code and accepts, then forgets the code', async () => {
    const api = fakeApi()
    const { flow, onLinkEnded } = await atCodeStep(api)
    expect(flow.state.step).toBe('register-code')
    // The code email is in the page's language; Resend waits resendAfterSeconds (R102).
    expect(api.requestRegistrationCode).toHaveBeenCalledWith({
      code: CODE,
      ...form,
      termsAccepted: true,
      locale: 'zh-CN',
    })
    expect(flow.state.sentCode?.resendAt).toBe(NOW + 60_000)

    await flow.confirmRegistration('012345')
    expect(api.registerThroughLink).toHaveBeenCalledWith({
      code: CODE,
      pendingRegistrationId: PENDING,
      emailCode: '012345',
    })
    expect(flow.state.step).toBe('accept')
    expect(JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null')).toMatchObject({
      email: form.email,
    })
    expect(onLinkEnded).not.toHaveBeenCalled()

    await flow.accept(true)
    expect(api.acceptLink).toHaveBeenCalledWith(CODE, true)
    expect(flow.state.step).toBe('success')
    expect(onLinkEnded).toHaveBeenCalledTimes(1)
  })

  it('keeps the code step on a wrong code and says how many tries are left', async () => {
    const { flow } = await atCodeStep(
      fakeApi({ registerThroughLink: refuse('EMAIL_CODE_INVALID', 422, { triesLeft: 3 }) })
    )
    await flow.confirmRegistration('999999')
    expect(flow.state.step).toBe('register-code')
    expect(flow.state.codeError).toEqual({ message: 'message of EMAIL_CODE_INVALID', triesLeft: 3 })
  })

  it.each(['EMAIL_CODE_EXPIRED', 'EMAIL_CODE_TRIES_EXHAUSTED'])(
    'returns to the form with its values after %s',
    async (code) => {
      const { flow } = await atCodeStep(fakeApi({ registerThroughLink: refuse(code, 410) }))
      await flow.confirmRegistration('999999')
      expect(flow.state.step).toBe('register')
      expect(flow.state.formError?.code).toBe(code)
      expect(flow.state.sentCode).toBeNull()
      expect(flow.state.registration).toEqual(form)
    }
  )

  it('switches to sign-in with the email kept when the address has an account', async () => {
    const { flow } = await atCodeStep(
      fakeApi({ registerThroughLink: refuse('ACCOUNT_EXISTS', 409) })
    )
    await flow.confirmRegistration('012345')
    expect(flow.state.step).toBe('sign-in')
    expect(flow.state.signInEmail).toBe(form.email)
    expect(flow.state.formError?.code).toBe('ACCOUNT_EXISTS')
  })

  it('changes the email with the form kept, and resends the same registration', async () => {
    const api = fakeApi()
    const { flow } = await atCodeStep(api)
    await flow.resendRegistrationCode()
    expect(api.requestRegistrationCode).toHaveBeenCalledTimes(2)
    expect(vi.mocked(api.requestRegistrationCode).mock.calls[1]?.[0]).toMatchObject(form)
    flow.changeEmail()
    expect(flow.state.step).toBe('register')
    expect(flow.state.registration).toEqual(form)
  })

  it('shows a refused code request (EMAIL_CODE_LIMIT) on the form', async () => {
    const { flow } = flowOf(fakeApi({ requestRegistrationCode: refuse('EMAIL_CODE_LIMIT', 429) }))
    await flow.start()
    flow.goTo('register')
    await flow.sendRegistrationCode(form)
    expect(flow.state.step).toBe('register')
    expect(flow.state.formError?.code).toBe('EMAIL_CODE_LIMIT')
  })

  it('asks a signed-in customer with an unverified email for a code before accepting (R105)', async () => {
    const api = fakeApi({
      me: vi.fn(async () => me('old.friend@customer.example', false)),
    })
    const { flow } = flowOf(api)
    await flow.start()
    flow.goTo('sign-in')
    await flow.signIn('Passw0rd!demo', 'old.friend@customer.example')
    expect(api.signIn).toHaveBeenCalledWith({
      email: 'old.friend@customer.example',
      password: 'Passw0rd!demo',
    })
    expect(flow.state.step).toBe('verify')
    expect(flow.state.sentCode).toBeNull()

    await flow.requestVerificationCode()
    expect(api.requestVerificationCode).toHaveBeenCalledWith(CODE, 'zh-CN')
    expect(flow.state.sentCode?.pendingRegistrationId).toBe(PENDING)
    await flow.confirmVerification('123456')
    expect(flow.state.step).toBe('accept')
  })

  it('sends the customer back to the code request after an expired verification code', async () => {
    const api = fakeApi({
      me: vi.fn(async () => me('old.friend@customer.example', false)),
      verifyEmail: refuse('EMAIL_CODE_EXPIRED', 410),
    })
    const { flow } = flowOf(api)
    await flow.start()
    await flow.signIn('Passw0rd!demo', 'old.friend@customer.example')
    await flow.requestVerificationCode()
    await flow.confirmVerification('123456')
    expect(flow.state.step).toBe('verify')
    expect(flow.state.sentCode).toBeNull()
    expect(flow.state.formError?.code).toBe('EMAIL_CODE_EXPIRED')
  })

  it('lets a customer already signed in continue, or sign out', async () => {
    sessionStorage.setItem(
      SESSION_KEY,
      JSON.stringify({ token: 't'.repeat(43), email: 'old.friend@customer.example' })
    )
    const api = fakeApi()
    const { flow } = flowOf(api)
    await flow.start()
    expect(flow.state.step).toBe('landing')
    expect(flow.state.customer).toEqual({
      email: 'old.friend@customer.example',
      emailVerified: true,
    })
    flow.continueSignedIn()
    expect(flow.state.step).toBe('accept')
    await flow.signOut()
    expect(flow.state.step).toBe('landing')
    expect(flow.state.customer).toBeNull()
    expect(sessionStorage.getItem(SESSION_KEY)).toBeNull()
  })

  it('goes to the email step when the accept answers EMAIL_NOT_VERIFIED', async () => {
    const { flow } = flowOf(fakeApi({ acceptLink: refuse('EMAIL_NOT_VERIFIED', 403) }))
    await flow.start()
    await flow.signIn('Passw0rd!demo', 'old.friend@customer.example')
    await flow.accept(true)
    expect(flow.state.step).toBe('verify')
    expect(flow.state.customer?.emailVerified).toBe(false)
  })

  it.each([
    ['OFFLINE_LINK_DISABLED', 410],
    ['OFFLINE_LINK_RESET', 410],
    ['OFFLINE_LINK_EXPIRED', 410],
    ['LINK_NOT_FOUND', 404],
  ] as const)(
    'ends on %s with the partner named, no renewal, and forgets the code',
    async (code, status) => {
      const { flow, onLinkEnded } = flowOf(
        fakeApi({ resolveLink: refuse(code, status, { partnerName: 'Acme Cloud Services' }) })
      )
      await flow.start()
      expect(flow.state.step).toBe('failure')
      expect(flow.state.failure).toMatchObject({
        code,
        partnerName: 'Acme Cloud Services',
        canAskForRenewal: false,
      })
      expect(onLinkEnded).toHaveBeenCalledTimes(1)
    }
  )

  it('ends on a link answer at a later step too (the link stopped working meanwhile)', async () => {
    const { flow, onLinkEnded } = flowOf(
      fakeApi({ requestRegistrationCode: refuse('OFFLINE_LINK_RESET', 410) })
    )
    await flow.start()
    await flow.sendRegistrationCode(form)
    expect(flow.state.failure?.code).toBe('OFFLINE_LINK_RESET')
    expect(onLinkEnded).toHaveBeenCalledTimes(1)
  })

  it('shows a refused acceptance with the partner, keeps the code, and offers no renewal', async () => {
    const { flow, onLinkEnded } = flowOf(fakeApi({ acceptLink: refuse('UNPAID_BILLS', 422) }))
    await flow.start()
    await flow.signIn('Passw0rd!demo', 'old.friend@customer.example')
    await flow.accept(true)
    expect(flow.state.failure).toMatchObject({
      code: 'UNPAID_BILLS',
      partnerName: 'Acme Cloud Services',
      partnerContactEmail: 'partners@acme.example',
      canAskForRenewal: false,
    })
    expect(onLinkEnded).not.toHaveBeenCalled()
  })

  it('says to open the link when the page has no code', async () => {
    const api = fakeApi()
    const { flow } = flowOf(api, null)
    await flow.start()
    expect(flow.state.step).toBe('no-link')
    expect(api.resolveLink).not.toHaveBeenCalled()
  })
})

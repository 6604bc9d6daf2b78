import { ApiError, type InvitationView } from '@partner-center/contracts'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PortalApi } from './portal-api'
import { useInvitationFlow } from './use-invitation-flow'

const view: InvitationView = {
  partnerName: 'Acme Cloud Services',
  partnerContactEmail: 'partners@acme.example',
  associationType: 'reseller',
  invitedEmail: 'new.beta@customer.example',
  expiresAt: '2026-03-09T09:00:00.000Z',
  locale: 'zh-CN',
  platformName: 'Example Cloud',
}

const session = (email: string) => ({
  token: 't'.repeat(43),
  expiresAt: '2026-03-02T17:00:00.000Z',
  customer: { id: '00000000-0000-4000-8000-000000000001', email, displayName: 'X' },
})

function apiError(code: string, status: number, details?: Record<string, unknown>) {
  return new ApiError({ code, status, message: `message of ${code}`, details, requestId: 'r' })
}

const notCalled = () => Promise.reject(new Error('an email invitation makes no link call'))

function fakeApi(overrides: Partial<PortalApi> = {}): PortalApi {
  return {
    resolve: vi.fn(async () => view),
    register: vi.fn(async () => session(view.invitedEmail)),
    signIn: vi.fn(async () => session(view.invitedEmail)),
    signOut: vi.fn(async () => ({ ok: true as const })),
    me: vi.fn(async () => ({
      id: 'x',
      email: view.invitedEmail,
      displayName: 'X',
      emailVerified: true,
    })),
    accept: vi.fn(async () => ({
      partnerName: view.partnerName,
      partnerContactEmail: view.partnerContactEmail,
      associationType: 'reseller' as const,
      associatedAt: '2026-03-02T09:00:00.000Z',
      frozenPendingBudget: true,
    })),
    requestRenewal: vi.fn(async () => ({
      requested: true,
      alreadyRequested: false,
      live: false,
      partnerName: view.partnerName,
    })),
    // The invitation-link calls: an email invitation never makes them.
    resolveLink: vi.fn(notCalled),
    requestRegistrationCode: vi.fn(notCalled),
    registerThroughLink: vi.fn(notCalled),
    requestVerificationCode: vi.fn(notCalled),
    verifyEmail: vi.fn(notCalled),
    acceptLink: vi.fn(notCalled),
    ...overrides,
  }
}

const TOKEN = 'k'.repeat(43)

beforeEach(() => {
  sessionStorage.clear()
})

describe('the invitation flow', () => {
  it('goes from a live link through registration to a successful acceptance', async () => {
    const api = fakeApi()
    const flow = useInvitationFlow(api, TOKEN)
    await flow.start()
    expect(flow.state.step).toBe('landing')
    await flow.register({ displayName: 'Beta', password: 'correct horse battery' })
    expect(flow.state.step).toBe('accept')
    // R79: the session survives a reload between registering and accepting.
    const reloaded = useInvitationFlow(api, TOKEN)
    await reloaded.start()
    expect(reloaded.state.step).toBe('accept')
    await reloaded.accept(true)
    expect(reloaded.state.step).toBe('success')
    expect(api.accept).toHaveBeenCalledWith(TOKEN, true)
  })

  it('switches to sign-in with the email kept when the account already exists', async () => {
    const flow = useInvitationFlow(
      fakeApi({ register: vi.fn(async () => Promise.reject(apiError('ACCOUNT_EXISTS', 409))) }),
      TOKEN
    )
    await flow.start()
    await flow.register({ displayName: 'Beta', password: 'correct horse battery' })
    expect(flow.state.step).toBe('sign-in')
    expect(flow.state.formError?.code).toBe('ACCOUNT_EXISTS')
  })

  it('shows the mismatch page when another account is signed in and clears it on sign-out', async () => {
    sessionStorage.setItem(
      'partner-center.customer-session',
      JSON.stringify({ token: 's'.repeat(43), email: 'other@x.example' })
    )
    const api = fakeApi({
      me: vi.fn(async () => ({
        id: 'y',
        email: 'other.person@customer.example',
        displayName: 'O',
        emailVerified: true,
      })),
    })
    const flow = useInvitationFlow(api, TOKEN)
    await flow.start()
    expect(flow.state.step).toBe('mismatch')
    await flow.signOut()
    expect(flow.state.step).toBe('landing')
    expect(sessionStorage.getItem('partner-center.customer-session')).toBeNull()
  })

  it('takes a width and case variant of the invited address as the same mailbox (R63)', async () => {
    const flow = useInvitationFlow(
      fakeApi({ signIn: vi.fn(async () => session('NEW.BETA@ｃｕｓｔｏｍｅｒ.example')) }),
      TOKEN
    )
    await flow.start()
    await flow.signIn('correct horse battery')
    expect(flow.state.step).toBe('accept')
  })

  it('offers to ask for a new invitation on an expired link and confirms the request', async () => {
    const api = fakeApi({
      resolve: vi.fn(async () =>
        Promise.reject(apiError('LINK_EXPIRED', 410, { partnerName: 'Acme Cloud Services' }))
      ),
    })
    const flow = useInvitationFlow(api, TOKEN)
    await flow.start()
    expect(flow.state.step).toBe('failure')
    expect(flow.state.failure).toMatchObject({
      code: 'LINK_EXPIRED',
      partnerName: 'Acme Cloud Services',
      canAskForRenewal: true,
    })
    await flow.requestRenewal()
    expect(flow.state.renewalRequested).toBe(true)
  })

  it('does not offer a renewal for a used or unknown link', async () => {
    for (const [code, status] of [
      ['LINK_ALREADY_USED', 409],
      ['LINK_NOT_FOUND', 404],
    ] as const) {
      const flow = useInvitationFlow(
        fakeApi({ resolve: vi.fn(async () => Promise.reject(apiError(code, status))) }),
        TOKEN
      )
      await flow.start()
      expect(flow.state.failure?.canAskForRenewal).toBe(false)
    }
  })

  it('ends on the recorded failure when acceptance is refused, and offers Try again when busy', async () => {
    const refused = useInvitationFlow(
      fakeApi({
        accept: vi.fn(async () =>
          Promise.reject(apiError('UNPAID_BILLS', 422, { partnerName: 'Acme Cloud Services' }))
        ),
      }),
      TOKEN
    )
    await refused.start()
    await refused.signIn('Passw0rd!demo')
    await refused.accept(true)
    expect(refused.state.failure).toMatchObject({
      code: 'UNPAID_BILLS',
      canAskForRenewal: true,
      retryable: false,
    })
    const busy = useInvitationFlow(
      fakeApi({ accept: vi.fn(async () => Promise.reject(apiError('SYSTEM_BUSY', 503))) }),
      TOKEN
    )
    await busy.start()
    await busy.signIn('Passw0rd!demo')
    await busy.accept(true)
    expect(busy.state.failure?.retryable).toBe(true)
  })

  it('tells the page the link has ended on success and on a terminal answer, not when busy', async () => {
    const onLinkEnded = vi.fn()
    const accepted = useInvitationFlow(fakeApi(), TOKEN, { onLinkEnded })
    await accepted.start()
    await accepted.register({ displayName: 'Beta', password: 'correct horse battery' })
    expect(onLinkEnded).not.toHaveBeenCalled()
    await accepted.accept(true)
    expect(onLinkEnded).toHaveBeenCalledTimes(1)

    for (const [code, status, ends] of [
      ['LINK_EXPIRED', 410, true],
      ['LINK_ALREADY_USED', 409, true],
      ['SYSTEM_BUSY', 503, false],
      ['RATE_LIMITED', 429, false],
    ] as const) {
      const hook = vi.fn()
      const flow = useInvitationFlow(
        fakeApi({ resolve: vi.fn(async () => Promise.reject(apiError(code, status))) }),
        TOKEN,
        { onLinkEnded: hook }
      )
      await flow.start()
      expect(flow.state.step).toBe('failure')
      expect(hook).toHaveBeenCalledTimes(ends ? 1 : 0)
    }

    const hook = vi.fn()
    const refused = useInvitationFlow(
      fakeApi({ accept: vi.fn(async () => Promise.reject(apiError('UNPAID_BILLS', 422))) }),
      TOKEN,
      { onLinkEnded: hook }
    )
    await refused.start()
    await refused.signIn('Passw0rd!demo')
    await refused.accept(true)
    expect(hook).toHaveBeenCalledTimes(1)
  })

  it('says to open the email link when the page has no token', async () => {
    const flow = useInvitationFlow(fakeApi(), null)
    await flow.start()
    expect(flow.state.step).toBe('no-link')
  })
})

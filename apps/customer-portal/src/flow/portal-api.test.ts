import { PUBLIC_ROUTES, pathOf } from '@partner-center/contracts/routes'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPortalApi } from './portal-api'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the portal client (issue 15 item 3, issue 20)', () => {
  it("calls the route table's public routes, the link token and link code in the body only (R56, R99)", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(Response.json({})))
    vi.stubGlobal('fetch', fetch)
    const api = createPortalApi({ getLocale: () => 'en' })
    const token = 't'.repeat(43)
    const pendingRegistrationId = '00000000-0000-4000-8000-000000000001'
    const calls = [
      () => api.resolve(token),
      () =>
        api.register({ token, displayName: 'X', password: 'p'.repeat(10), termsAccepted: true }),
      () => api.signIn({ email: 'a@b.example', password: 'p' }),
      () => api.signOut(),
      () => api.me(),
      () => api.accept(token, true),
      () => api.requestRenewal(token),
      // Invitation links: the link code in the body only (R99).
      () => api.resolveLink(token),
      () =>
        api.requestRegistrationCode({
          code: token,
          email: 'a@b.example',
          displayName: 'X',
          password: 'p'.repeat(10),
          termsAccepted: true,
          locale: 'en',
        }),
      () => api.registerThroughLink({ code: token, pendingRegistrationId, emailCode: '012345' }),
      () => api.requestVerificationCode(token, 'zh-CN'),
      () => api.verifyEmail({ code: token, pendingRegistrationId, emailCode: '012345' }),
      () => api.acceptLink(token, true),
    ]
    const called: string[] = []
    for (const call of calls) {
      fetch.mockClear()
      // The empty answer fails the contract schema; the request is what this test looks at.
      await call().catch(() => undefined)
      const [url, init] = fetch.mock.calls[0] ?? []
      expect(url).not.toContain(token)
      called.push(`${init?.method} ${url as string}`)
    }
    expect(called).toEqual(
      Object.values(PUBLIC_ROUTES).map((route) => `${route.method} /api${pathOf(route)}`)
    )
  })
})

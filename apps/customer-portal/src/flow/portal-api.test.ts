import { PUBLIC_ROUTES, pathOf } from '@partner-center/contracts/routes'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPortalApi } from './portal-api'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the portal client (issue 15 item 3)', () => {
  it("calls the route table's public routes, the link token in the body only (R56)", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(Response.json({})))
    vi.stubGlobal('fetch', fetch)
    const api = createPortalApi({ getLocale: () => 'en' })
    const token = 't'.repeat(43)
    const calls = [
      () => api.resolve(token),
      () =>
        api.register({ token, displayName: 'X', password: 'p'.repeat(10), termsAccepted: true }),
      () => api.signIn({ email: 'a@b.example', password: 'p' }),
      () => api.signOut(),
      () => api.me(),
      () => api.accept(token, true),
      () => api.requestRenewal(token),
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

import { createEventBus, type MfeContext } from '@partner-center/mfe-contract'
import { checkMicroFrontend } from '@partner-center/mfe-contract/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'

const page = { items: [], total: 0, page: 1, pageSize: 20 }

function createContext(): MfeContext {
  return {
    locale: 'en',
    basePath: '/sales/leads/customer-development',
    apiBaseUrl: 'http://api.test/api',
    auth: { getToken: () => Promise.resolve('test-token'), onUnauthorized: vi.fn() },
    navigate: vi.fn(),
    events: createEventBus(),
    tenant: { partnerId: 'p-1', partnerName: 'Acme Cloud Services' },
    featureFlags: {},
    zIndexBase: 2000,
  }
}

describe('customer-development lifecycle', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('meets the micro-frontend contract', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(page), { status: 200 }))
    )
    const report = await checkMicroFrontend({ load: () => import('./lifecycle'), createContext })
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    expect(report.passed).toBe(true)
  })

  it('asks the API for the list with the host token', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(page), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    const { mount, unmount } = await import('./lifecycle')
    const container = document.createElement('div')
    document.body.append(container)
    await mount(container, createContext())
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled())
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toContain('http://api.test/api/v1/customer-development/preregistrations')
    expect(init.headers).toMatchObject({ authorization: 'Bearer test-token' })
    expect(container.textContent).toContain('Customer Development')
    await unmount(container)
    expect(container.innerHTML).toBe('')
  })
})

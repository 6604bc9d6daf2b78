import { createEventBus, type Locale, type MfeContext } from '@partner-center/mfe-contract'
import { vi } from 'vitest'
import { fakeMe } from './fake-api'

/** The module's path in the console (domain.md §9.1), as the shell mounts it. */
export const CONSOLE_BASE_PATH = '/sales/leads/customer-development'

/** The signed-in Acme admin of the component tests, as the API would serialise it. */
export const HOST_ME = { ...fakeMe(), permissions: ['custdev.view'] }

/**
 * A stand-in for `fetch` of the API: `/v1/me` answers {@link HOST_ME}, every other path an
 * empty page.
 */
export function answerAsTheApi(url: string): Promise<Response> {
  const page = { items: [], total: 0, page: 1, pageSize: 20 }
  const body = JSON.stringify(url.endsWith('/v1/me') ? HOST_ME : page)
  return Promise.resolve(new Response(body, { status: 200 }))
}

/** The context a host gives `mount`: the console's path, a spy `navigate`, the test API. */
export function createHostContext(locale: Locale = 'en'): MfeContext {
  return {
    locale,
    basePath: CONSOLE_BASE_PATH,
    apiBaseUrl: 'http://api.test/api',
    auth: { getToken: () => Promise.resolve('test-token'), onUnauthorized: vi.fn() },
    navigate: vi.fn(),
    events: createEventBus(),
    tenant: { partnerId: 'p-1', partnerName: 'Acme Cloud Services' },
    featureFlags: {},
    zIndexBase: 2000,
  }
}

import { createEventBus } from '../src/create-event-bus'
import type { MfeContext } from '../src/types'

/**
 * A complete context for tests; every function is inert unless overridden.
 *
 * @example
 * const ctx = createFakeContext({ locale: 'zh-CN' })
 */
export function createFakeContext(overrides: Partial<MfeContext> = {}): MfeContext {
  return {
    locale: 'en',
    basePath: '/sales/leads/customer-development',
    apiBaseUrl: 'http://localhost:3000/api',
    auth: { getToken: () => Promise.resolve('test-token'), onUnauthorized: () => undefined },
    navigate: () => undefined,
    events: createEventBus(),
    tenant: { partnerId: 'partner-1', partnerName: 'Contoso' },
    featureFlags: {},
    zIndexBase: 2000,
    ...overrides,
  }
}

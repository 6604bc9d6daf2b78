import { afterEach, describe, expect, it } from 'vitest'
import { viewFromLocation, viewPath } from './module-route'

// S21: the Offline Invitation tab is in the route as `?tab=offline` below the base path.
const BASE = '/sales/leads/customer-development'

afterEach(() => window.history.replaceState(null, '', '/'))

describe('the Offline Invitation tab in the route', () => {
  it('is the base path with ?tab=offline', () => {
    expect(viewPath(BASE, 'offline')).toBe(`${BASE}?tab=offline`)
    expect(viewPath('/', 'offline')).toBe('/?tab=offline')
    expect(viewPath(BASE, 'partner-center')).toBe(BASE)
  })

  it.each([
    [`${BASE}?tab=offline`, 'offline'],
    [`${BASE}/?tab=offline`, 'offline'],
    [`${BASE}?tab=other`, 'partner-center'],
    [BASE, 'partner-center'],
    [`${BASE}/history`, 'history'],
    [`${BASE}/help?tab=offline`, 'help'],
  ] as const)('reads %s as %s', (url, view) => {
    window.history.replaceState(null, '', url)
    expect(viewFromLocation(BASE)).toBe(view)
  })
})

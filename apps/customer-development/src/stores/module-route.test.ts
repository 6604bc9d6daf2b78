import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, shallowRef } from 'vue'
import { createHostContext } from '../../test/host-context'
import { MODULE_CONTEXT } from '../context'
import {
  isTab,
  routeFromLocation,
  useModuleRouteStore,
  viewFromLocation,
  viewPath,
} from './module-route'

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

// S29: the pages below the module, one of them with the endpoint's id in its path.
describe('the views of S29 in the route', () => {
  it('are paths below the base path, the delivery log with its encoded id', () => {
    expect(viewPath(BASE, 'api-keys')).toBe(`${BASE}/api-keys`)
    expect(viewPath(BASE, 'webhooks')).toBe(`${BASE}/webhooks`)
    expect(viewPath(BASE, 'webhook-deliveries', 'e-1')).toBe(`${BASE}/webhooks/e-1`)
    expect(viewPath(BASE, 'webhook-deliveries', 'a/b c')).toBe(`${BASE}/webhooks/a%2Fb%20c`)
    expect(viewPath('/', 'api-keys')).toBe('/api-keys')
  })

  it.each([
    [`${BASE}/api-keys`, { view: 'api-keys', param: null }],
    [`${BASE}/api-keys/`, { view: 'api-keys', param: null }],
    [`${BASE}/webhooks`, { view: 'webhooks', param: null }],
    [`${BASE}/webhooks/e-1`, { view: 'webhook-deliveries', param: 'e-1' }],
    [`${BASE}/webhooks/a%2Fb%20c`, { view: 'webhook-deliveries', param: 'a/b c' }],
    [`${BASE}/webhooks/e-1/more`, { view: 'partner-center', param: null }],
    [`${BASE}/webhooks/%ZZ`, { view: 'partner-center', param: null }],
    [`${BASE}/api-keys-other`, { view: 'partner-center', param: null }],
    [`/elsewhere/api-keys`, { view: 'partner-center', param: null }],
  ] as const)('reads %s as %j', (url, route) => {
    window.history.replaceState(null, '', url)
    expect(routeFromLocation(BASE)).toEqual(route)
    expect(viewFromLocation(BASE)).toBe(route.view)
  })

  it('reads a view below the root base path', () => {
    window.history.replaceState(null, '', '/webhooks/e-2')
    expect(routeFromLocation('/')).toEqual({ view: 'webhook-deliveries', param: 'e-2' })
  })

  it('names the tabs apart from the views drawn instead of them', () => {
    expect(['partner-center', 'offline', 'history'].every((v) => isTab(v as never))).toBe(true)
    expect(
      ['help', 'api-keys', 'webhooks', 'webhook-deliveries'].some((v) => isTab(v as never))
    ).toBe(false)
  })
})

describe('the route store', () => {
  it('holds the view and its parameter, navigates the host and follows back', () => {
    const navigate = vi.fn()
    const context = shallowRef({ ...createHostContext(), basePath: BASE, navigate })
    const app = createApp({})
    app.use(createPinia())
    app.provide(MODULE_CONTEXT, context)
    const route = app.runWithContext(() => useModuleRouteStore())

    route.select('webhook-deliveries', 'e-1')
    expect({ view: route.view, param: route.viewParam, tab: route.tab }).toEqual({
      view: 'webhook-deliveries',
      param: 'e-1',
      tab: 'partner-center',
    })
    expect(navigate).toHaveBeenLastCalledWith(`${BASE}/webhooks/e-1`)
    route.select('webhook-deliveries', 'e-2')
    expect(navigate).toHaveBeenLastCalledWith(`${BASE}/webhooks/e-2`)

    window.history.replaceState(null, '', `${BASE}/api-keys`)
    route.sync()
    expect({ view: route.view, param: route.viewParam }).toEqual({ view: 'api-keys', param: null })
  })
})

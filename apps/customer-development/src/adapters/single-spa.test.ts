import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerAsTheApi as answer } from '../../test/host-context'
import {
  bootstrap,
  contextFromProps,
  mount,
  unmount,
  update,
  type SingleSpaProps,
} from './single-spa'

/** The props a root config passes through `customProps`, plus single-spa's own `name`. */
function singleSpaProps(overrides: Partial<SingleSpaProps> = {}): SingleSpaProps {
  const domElement = document.createElement('div')
  document.body.append(domElement)
  return {
    name: 'customer-development',
    domElement,
    getToken: () => 'spa-token',
    apiBaseUrl: 'http://api.test/api',
    ...overrides,
  }
}

describe('customer-development single-spa adapter', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('mounts into props.domElement, asks the API with the host token, updates and unmounts', async () => {
    const fetch = vi.fn(async (url: string) => answer(url))
    vi.stubGlobal('fetch', fetch)
    const props = singleSpaProps()
    await bootstrap()
    await mount(props)
    const root = props.domElement.querySelector<HTMLElement>('.pc-customer-development')
    expect(root?.lang).toBe('en')
    const isList = (call: unknown[]) => String(call[0]).includes('/preregistrations')
    await vi.waitFor(() => expect(fetch.mock.calls.some(isList)).toBe(true))
    const [url, init] = fetch.mock.calls.find(isList) as unknown as [string, RequestInit]
    expect(url).toContain('http://api.test/api/v1/customer-development/preregistrations')
    expect(init.headers).toMatchObject({ authorization: 'Bearer spa-token' })

    await update({ ...props, locale: 'zh-CN' })
    expect(root?.lang).toBe('zh-CN')

    await unmount(props)
    expect(props.domElement.innerHTML).toBe('')
  })

  it.each([
    [
      'domElement',
      { domElement: undefined },
      /"domElement" must be an HTMLElement \(got nothing\)/,
    ],
    ['getToken', { getToken: 'abc' }, /"getToken" must be a function .* \(got string\)/],
    ['apiBaseUrl', { apiBaseUrl: '' }, /"apiBaseUrl" must be a non-empty URL string/],
    ['locale', { locale: 'fr' }, /"locale" must be one of en, zh-CN/],
  ])(
    'refuses to mount without a valid %s, naming it, and leaves the DOM alone',
    async (_name, bad, message) => {
      const props = singleSpaProps()
      const given = { ...props, ...bad } as unknown as SingleSpaProps
      await expect(mount(given)).rejects.toThrow(message)
      expect(props.domElement.innerHTML).toBe('')
    }
  )

  it('fills the context with defaults and passes the host callbacks through', async () => {
    const navigateToUrl = vi.fn()
    const onUnauthorized = vi.fn()
    const ctx = contextFromProps(
      singleSpaProps({
        getToken: async () => 'async-token',
        onUnauthorized,
        singleSpa: { navigateToUrl },
      })
    )
    expect(ctx).toMatchObject({
      locale: 'en',
      basePath: '/',
      apiBaseUrl: 'http://api.test/api',
      tenant: { partnerId: '', partnerName: '' },
      featureFlags: {},
      zIndexBase: 2000,
    })
    expect(await ctx.auth.getToken()).toBe('async-token')
    ctx.auth.onUnauthorized()
    expect(onUnauthorized).toHaveBeenCalledOnce()
    ctx.navigate('/elsewhere')
    expect(navigateToUrl).toHaveBeenCalledWith('/elsewhere')
    const heard = vi.fn()
    ctx.events.on('invitation:sent', heard)
    ctx.events.emit('invitation:sent', { id: 1 })
    expect(heard).toHaveBeenCalledWith({ id: 1 })
  })

  it('navigates with the History API when single-spa gives no router, telling routers by popstate', () => {
    const popped = vi.fn()
    window.addEventListener('popstate', popped)
    const ctx = contextFromProps(singleSpaProps())
    ctx.navigate('/sales/other')
    expect(window.location.pathname).toBe('/sales/other')
    expect(popped).toHaveBeenCalledOnce()
    window.removeEventListener('popstate', popped)
  })
})

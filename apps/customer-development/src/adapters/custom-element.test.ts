import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerAsTheApi as answer } from '../../test/host-context'
import {
  CUSTOMER_DEVELOPMENT_EVENTS,
  CUSTOMER_DEVELOPMENT_TAG,
  defineCustomerDevelopmentElement,
  type CustomerDevelopmentElement,
} from './custom-element'

const API = 'http://api.test/api'

/** An element as a host page writes it: attributes, then the token getter as a property. */
function createElement(attributes: Record<string, string> = {}): CustomerDevelopmentElement {
  const element = document.createElement(CUSTOMER_DEVELOPMENT_TAG) as CustomerDevelopmentElement
  element.setAttribute('api-base-url', API)
  element.setAttribute('base-path', '/customers')
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  element.getToken = () => 'element-token'
  return element
}

/** Resolves with the `detail` of the next event of that type on `target`. */
function nextEvent<Detail>(target: EventTarget, type: string): Promise<CustomEvent<Detail>> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as CustomEvent<Detail>), { once: true })
  )
}

function requestsTo(fetch: ReturnType<typeof vi.fn>, path: string): RequestInit[] {
  return fetch.mock.calls
    .filter((call) => String(call[0]).includes(path))
    .map((call) => call[1] as RequestInit)
}

describe('<customer-development-module>', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
    history.replaceState(null, '', '/')
  })

  it('is defined by importing the entry, and defining it again is harmless', () => {
    const defined = customElements.get(CUSTOMER_DEVELOPMENT_TAG)
    expect(defined).toBeDefined()
    expect(defineCustomerDevelopmentElement()).toBe(defined)
  })

  it('mounts with its attributes and token getter, switches locale in place and unmounts when removed', async () => {
    const fetch = vi.fn(async (url: string) => answer(url))
    vi.stubGlobal('fetch', fetch)
    const element = createElement()
    document.body.append(element)
    await element.settled
    const root = element.querySelector<HTMLElement>('.pc-customer-development')
    expect(root?.lang).toBe('en')
    expect(element.context).toMatchObject({ basePath: '/customers', apiBaseUrl: API })
    await vi.waitFor(() => expect(requestsTo(fetch, '/preregistrations')).not.toHaveLength(0))
    const [list] = requestsTo(fetch, `${API}/v1/customer-development/preregistrations`)
    expect(list?.headers).toMatchObject({ authorization: 'Bearer element-token' })

    // The attribute, then the property: the same root stays, only its language changes.
    element.setAttribute('locale', 'zh-CN')
    await element.settled
    expect(element.querySelector('.pc-customer-development')).toBe(root)
    expect(root?.lang).toBe('zh-CN')
    element.locale = 'en'
    await element.settled
    expect(element.getAttribute('locale')).toBe('en')
    expect(element.querySelector('.pc-customer-development')).toBe(root)
    expect(root?.lang).toBe('en')

    element.remove()
    await element.settled
    expect(element.childNodes).toHaveLength(0)
    expect(element.context).toBeUndefined()
    expect(document.querySelectorAll('link[data-mfe]')).toHaveLength(0)
  })

  it('reads the token getter at every call, so the host may swap it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => answer(url))
    )
    const element = createElement({ locale: 'zh-CN' })
    document.body.append(element)
    await element.settled
    expect(element.context?.locale).toBe('zh-CN')
    element.getToken = async () => 'renewed-token'
    await expect(element.context?.auth.getToken()).resolves.toBe('renewed-token')
  })

  it('takes properties set before the element was upgraded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => answer(url))
    )
    // An element made where the tag is not defined yet, as a host rendering before the entry loaded.
    const elsewhere = document.implementation.createHTMLDocument()
    const element = elsewhere.createElement(CUSTOMER_DEVELOPMENT_TAG) as CustomerDevelopmentElement
    Object.assign(element, { getToken: () => 'early-token', apiBaseUrl: API })
    document.body.append(document.adoptNode(element))
    await element.settled
    expect(element).toBeInstanceOf(customElements.get(CUSTOMER_DEVELOPMENT_TAG)!)
    expect(Object.hasOwn(element, 'getToken')).toBe(false)
    expect(element.getAttribute('api-base-url')).toBe(API)
    await expect(element.context?.auth.getToken()).resolves.toBe('early-token')
  })

  it('asks the host to navigate with a cancelable event, else moves the History API', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => answer(url))
    )
    const element = createElement()
    document.body.append(element)
    await element.settled

    const cancelled = nextEvent<{ to: string; replace: boolean }>(
      document,
      CUSTOMER_DEVELOPMENT_EVENTS.navigate
    )
    const cancel = (event: Event) => event.preventDefault()
    element.addEventListener(CUSTOMER_DEVELOPMENT_EVENTS.navigate, cancel, { once: true })
    // What the module's links call (stores/module-route.ts).
    element.context?.navigate('/customers/help')
    expect((await cancelled).detail).toEqual({ to: '/customers/help', replace: false })
    expect(location.pathname).toBe('/')

    element.context?.navigate('/customers/history', { replace: true })
    expect(location.pathname).toBe('/customers/history')
  })

  it('dispatches unauthorized, the module bus events and failures as DOM events', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => answer(url))
    )
    const element = createElement()
    document.body.append(element)
    await element.settled

    const unauthorized = nextEvent(document, CUSTOMER_DEVELOPMENT_EVENTS.unauthorized)
    element.context?.auth.onUnauthorized()
    await unauthorized
    const sent = nextEvent<{ invitationId: string }>(element, 'invitation:sent')
    element.context?.events.emit('invitation:sent', { invitationId: 'i-1' })
    expect((await sent).detail).toEqual({ invitationId: 'i-1' })

    const failed = nextEvent<{ phase: string; error: Error }>(
      element,
      CUSTOMER_DEVELOPMENT_EVENTS.error
    )
    element.setAttribute('locale', 'fr')
    const { detail } = await failed
    expect(detail.phase).toBe('update')
    expect(detail.error.message).toMatch(/"locale" must be one of en, zh-CN \(got string\)/)
  })

  it('reports a mount without a token getter as an error event and stays empty', async () => {
    const element = document.createElement(CUSTOMER_DEVELOPMENT_TAG) as CustomerDevelopmentElement
    element.apiBaseUrl = API
    const failed = nextEvent<{ phase: string; error: Error }>(
      element,
      CUSTOMER_DEVELOPMENT_EVENTS.error
    )
    document.body.append(element)
    const { detail } = await failed
    expect(detail.phase).toBe('mount')
    expect(detail.error.message).toMatch(/"getToken" must be a function/)
    expect(element.childNodes).toHaveLength(0)
  })
})

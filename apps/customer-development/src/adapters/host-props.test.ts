import { createEventBus } from '@partner-center/mfe-contract'
import { describe, expect, it, vi } from 'vitest'
import {
  checkHostProps,
  contextFromHostProps,
  patchFromHostProps,
  requireElement,
  type HostProps,
} from './host-props'

const given: HostProps = { getToken: () => 'token', apiBaseUrl: 'http://api.test/api' }

describe('host props shared by the props-object adapters', () => {
  it.each([
    [
      'getToken',
      { getToken: 1 },
      /\(qiankun\): the prop "getToken" must be a function .* \(got number\)/,
    ],
    [
      'apiBaseUrl',
      { apiBaseUrl: ' ' },
      /the prop "apiBaseUrl" must be a non-empty URL string \(got string\)/,
    ],
    ['apiBaseUrl', { apiBaseUrl: undefined }, /the prop "apiBaseUrl" .* \(got nothing\)/],
    ['locale', { locale: 'de' }, /the prop "locale" must be one of en, zh-CN/],
  ])('refuses a wrong %s, naming the host and the prop', (_name, bad, message) => {
    expect(() => checkHostProps('qiankun', { ...given, ...bad } as unknown as HostProps)).toThrow(
      message
    )
  })

  it('refuses a container that is not an element, by its prop name', () => {
    expect(() => requireElement('qiankun', 'container', '#app')).toThrow(
      /\(qiankun\): the prop "container" must be an HTMLElement \(got string\)/
    )
    const element = document.createElement('div')
    expect(requireElement('qiankun', 'container', element)).toBe(element)
  })

  it('fills the defaults and navigates with the History API, telling routers by popstate', () => {
    const ctx = contextFromHostProps(given)
    expect(ctx).toMatchObject({
      locale: 'en',
      basePath: '/',
      tenant: { partnerId: '', partnerName: '' },
      featureFlags: {},
      zIndexBase: 2000,
    })
    expect(() => ctx.auth.onUnauthorized()).not.toThrow()
    const popped = vi.fn()
    window.addEventListener('popstate', popped)
    ctx.navigate('/somewhere', { replace: true })
    window.removeEventListener('popstate', popped)
    expect(window.location.pathname).toBe('/somewhere')
    expect(popped).toHaveBeenCalledOnce()
  })

  it("gives onEvent every event emitted on the host's bus, and survives a throwing onEvent", () => {
    const events = createEventBus()
    const heard = vi.fn()
    events.on('invitation:sent', heard)
    const onEvent = vi.fn()
    const ctx = contextFromHostProps({ ...given, events, onEvent })
    ctx.events.emit('invitation:sent', { id: 1 })
    expect(heard).toHaveBeenCalledWith({ id: 1 })
    expect(onEvent).toHaveBeenCalledWith('invitation:sent', { id: 1 })

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const throwing = contextFromHostProps({
      ...given,
      onEvent: () => {
        throw new Error('host bug')
      },
    })
    expect(() => throwing.events.emit('customer:associated')).not.toThrow()
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })

  it('takes only locale, tenant and feature flags into an update', () => {
    const tenant = { partnerId: 'p', partnerName: 'P' }
    expect(patchFromHostProps({ ...given, basePath: '/x', locale: 'zh-CN', tenant })).toEqual({
      locale: 'zh-CN',
      tenant,
    })
  })
})

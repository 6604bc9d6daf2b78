import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerAsTheApi as answer } from '../../test/host-context'
import { bootstrap, mount, unmount, update, type QiankunProps } from './qiankun'

/**
 * The props qiankun gives `mount`: the host's `loadMicroApp` props plus its own `name`,
 * `container` (its wrapper around the entry's HTML) and global-state functions.
 */
function qiankunProps(overrides: Partial<QiankunProps> = {}): QiankunProps {
  const container = document.createElement('div')
  container.id = '__qiankun_microapp_wrapper_for_customer_development__'
  container.innerHTML = '<qiankun-head></qiankun-head><div id="qiankun-entry-body"></div>'
  document.body.append(container)
  return {
    name: 'customer-development',
    container,
    getToken: () => 'qiankun-token',
    apiBaseUrl: 'http://api.test/api',
    onGlobalStateChange: vi.fn(),
    setGlobalState: vi.fn(),
    ...overrides,
  }
}

describe('customer-development qiankun adapter', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("renders inside qiankun's container with the host token, updates by name and unmounts leaving qiankun's nodes", async () => {
    const fetch = vi.fn(async (url: string) => answer(url))
    vi.stubGlobal('fetch', fetch)
    const props = qiankunProps({ locale: 'en' })
    const qiankunNodes = [...props.container.children]
    await bootstrap()
    await mount(props)
    const root = props.container.querySelector<HTMLElement>('.pc-customer-development')
    expect(root?.lang).toBe('en')
    expect(root?.parentElement?.parentElement).toBe(props.container)
    const isList = (call: unknown[]) => String(call[0]).includes('/preregistrations')
    await vi.waitFor(() => expect(fetch.mock.calls.some(isList)).toBe(true))
    const [, init] = fetch.mock.calls.find(isList) as unknown as [string, RequestInit]
    expect(init.headers).toMatchObject({ authorization: 'Bearer qiankun-token' })

    // microApp.update(props): single-spa parcel props, with the name but without container.
    await update({ name: 'customer-development', locale: 'zh-CN' })
    expect(root?.lang).toBe('zh-CN')
    await expect(update({ name: 'customer-development', locale: 'fr' as never })).rejects.toThrow(
      /\(qiankun\): the prop "locale" must be one of en, zh-CN/
    )

    await unmount(props)
    expect([...props.container.children]).toEqual(qiankunNodes)
    expect(props.container.querySelector('.pc-customer-development')).toBeNull()
    // Mounting again after unmount works (qiankun remounts the same instance name).
    await mount(props)
    expect(props.container.querySelectorAll('.pc-customer-development')).toHaveLength(1)
    await unmount(props)
  })

  it('keeps two instances apart, each updated by its instance name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => answer(url))
    )
    const first = qiankunProps({ name: 'customer-development' })
    const second = qiankunProps({ name: 'customer-development_1', locale: 'zh-CN' })
    await mount(first)
    await mount(second)
    await update({ name: 'customer-development_1', locale: 'en' })
    const lang = (props: QiankunProps) =>
      props.container.querySelector<HTMLElement>('.pc-customer-development')?.lang
    expect([lang(first), lang(second)]).toEqual(['en', 'en'])
    await update({ name: 'customer-development', locale: 'zh-CN' })
    expect([lang(first), lang(second)]).toEqual(['zh-CN', 'en'])
    await unmount(first)
    expect(lang(first)).toBeUndefined()
    expect(lang(second)).toBe('en')
    await unmount(second)
  })

  it.each([
    ['container', { container: undefined }, /"container" must be an HTMLElement \(got nothing\)/],
    ['getToken', { getToken: 'abc' }, /"getToken" must be a function .* \(got string\)/],
    ['apiBaseUrl', { apiBaseUrl: '' }, /"apiBaseUrl" must be a non-empty URL string/],
    ['locale', { locale: 'fr' }, /"locale" must be one of en, zh-CN/],
  ])(
    'refuses to mount without a valid %s, naming it, and leaves the DOM alone',
    async (_n, bad, message) => {
      const props = qiankunProps()
      const before = props.container.innerHTML
      const given = { ...props, ...bad } as unknown as QiankunProps
      await expect(mount(given)).rejects.toThrow(message)
      expect(props.container.innerHTML).toBe(before)
    }
  )

  it('refuses an update before mount and ignores an unmount of nothing', async () => {
    await expect(update({ name: 'never-mounted', locale: 'en' })).rejects.toThrow(
      /update before mount/
    )
    await expect(unmount({ name: 'never-mounted' })).resolves.toBeUndefined()
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeContext } from '../test/fake-context'
import { createSpyModule, withoutUpdate } from '../test/loader-fixtures'
import type { MfeModule } from './types'
import {
  defineMicroFrontendElement,
  type MicroFrontendElement,
} from './define-micro-frontend-element'

let sequence = 0

function define(
  module: MfeModule = createSpyModule(),
  createContext = vi.fn(() => createFakeContext())
) {
  sequence += 1
  const tagName = `pc-test-module-${sequence}`
  defineMicroFrontendElement(tagName, module, { createContext })
  const create = () => document.createElement(tagName) as MicroFrontendElement
  return { module, createContext, tagName, create }
}

afterEach(() => {
  document.body.replaceChildren()
})

describe('defineMicroFrontendElement', () => {
  it('mounts into the element when connected, with the context made for it', async () => {
    const { module, createContext, create } = define()
    const element = create()
    const mounted = vi.fn()
    element.addEventListener('mfe-mounted', mounted)
    document.body.append(element)
    await element.settled
    expect(createContext).toHaveBeenCalledExactlyOnceWith(element)
    expect(module.mount).toHaveBeenCalledExactlyOnceWith(element, element.context)
    expect(element.querySelector('[lang="en"]')?.textContent).toBe('module content')
    expect(mounted).toHaveBeenCalledTimes(1)
  })

  it('uses no shadow DOM', async () => {
    const { create } = define()
    const element = create()
    document.body.append(element)
    await element.settled
    expect(element.shadowRoot).toBeNull()
  })

  it('unmounts when disconnected', async () => {
    const { module, create } = define()
    const element = create()
    document.body.append(element)
    await element.settled
    element.remove()
    await element.settled
    expect(module.unmount).toHaveBeenCalledExactlyOnceWith(element)
    expect(element.context).toBeUndefined()
    expect(element.childNodes).toHaveLength(0)
  })

  it('skips mounting when disconnected before the mount starts', async () => {
    const { module, create } = define()
    const element = create()
    document.body.append(element)
    element.remove()
    await element.settled
    expect(module.mount).not.toHaveBeenCalled()
    expect(module.unmount).not.toHaveBeenCalled()
  })

  it('unmounts once a pending mount finishes when disconnected mid-mount', async () => {
    const module = createSpyModule()
    let finishMount: () => void = () => undefined
    module.mount.mockImplementation(async (container: HTMLElement) => {
      await new Promise<void>((resolve) => (finishMount = resolve))
      container.append(document.createElement('p'))
    })
    const { create } = define(module)
    const element = create()
    document.body.append(element)
    await vi.waitFor(() => expect(module.mount).toHaveBeenCalled())
    element.remove()
    finishMount()
    await element.settled
    expect(module.unmount).toHaveBeenCalledExactlyOnceWith(element)
    expect(element.childNodes).toHaveLength(0)
  })

  it('calls update with the patch when context is set', async () => {
    const { module, create } = define()
    const element = create()
    document.body.append(element)
    element.context = { locale: 'zh-CN' }
    await element.settled
    expect(module.update).toHaveBeenCalledExactlyOnceWith(element, { locale: 'zh-CN' })
    expect(element.context?.locale).toBe('zh-CN')
    expect(element.firstElementChild?.getAttribute('lang')).toBe('zh-CN')
  })

  it('applies a context set before connecting to the first mount', async () => {
    const module = createSpyModule()
    const { create } = define(module)
    const element = create()
    element.context = { locale: 'zh-CN', featureFlags: { batch: true } }
    document.body.append(element)
    await element.settled
    expect(module.update).not.toHaveBeenCalled()
    expect(module.mount.mock.calls[0]?.[1]).toMatchObject({
      locale: 'zh-CN',
      featureFlags: { batch: true },
    })
  })

  it('remounts a module without update when context is set', async () => {
    const module = withoutUpdate(createSpyModule())
    const { create } = define(module)
    const element = create()
    document.body.append(element)
    await element.settled
    element.context = { locale: 'zh-CN' }
    await element.settled
    expect(module.unmount).toHaveBeenCalledTimes(1)
    expect(module.mount).toHaveBeenCalledTimes(2)
    expect(element.firstElementChild?.getAttribute('lang')).toBe('zh-CN')
  })

  it('bootstraps once for all elements of one module', async () => {
    const { module, create } = define()
    const first = create()
    const second = create()
    document.body.append(first, second)
    await Promise.all([first.settled, second.settled])
    expect(module.bootstrap).toHaveBeenCalledTimes(1)
    expect(module.mount).toHaveBeenCalledTimes(2)
  })

  it('reports a failed mount as an mfe-error event and empties the element', async () => {
    const module = createSpyModule()
    const failure = new Error('no API')
    module.mount.mockImplementation(async (container: HTMLElement) => {
      container.append(document.createElement('p'))
      await Promise.resolve()
      throw failure
    })
    const { create } = define(module)
    const element = create()
    const errors: unknown[] = []
    element.addEventListener('mfe-error', (event) => errors.push((event as CustomEvent).detail))
    document.body.append(element)
    await element.settled
    expect(errors).toEqual([{ phase: 'mount', error: failure }])
    expect(element.childNodes).toHaveLength(0)
    expect(element.context).toBeUndefined()
  })

  it('reports a failed update as an mfe-error event', async () => {
    const module = createSpyModule()
    module.update.mockRejectedValue(new Error('update bug'))
    const { create } = define(module)
    const element = create()
    const phases: string[] = []
    element.addEventListener('mfe-error', (event) =>
      phases.push((event as CustomEvent<{ phase: string }>).detail.phase)
    )
    document.body.append(element)
    element.context = { locale: 'zh-CN' }
    await element.settled
    expect(phases).toEqual(['update'])
  })

  it('lets extend add attributes and properties that reach the context and updates', async () => {
    sequence += 1
    const tagName = `pc-test-module-${sequence}`
    const module = createSpyModule()
    interface LocaleElement extends MicroFrontendElement {
      basePath: string
    }
    defineMicroFrontendElement<LocaleElement>(tagName, module, {
      createContext: (element) => ({ ...createFakeContext(), basePath: element.basePath }),
      extend: (Base) =>
        class extends Base {
          static observedAttributes = ['locale']
          basePath = '/customers'
          attributeChangedCallback(_name: string, _old: string | null, value: string | null) {
            if (value === 'en' || value === 'zh-CN') this.context = { locale: value }
          }
        },
    })
    const element = document.createElement(tagName) as LocaleElement
    element.setAttribute('locale', 'zh-CN')
    document.body.append(element)
    await element.settled
    expect(module.mount.mock.calls[0]?.[1]).toMatchObject({
      locale: 'zh-CN',
      basePath: '/customers',
    })
    element.setAttribute('locale', 'en')
    await element.settled
    expect(module.update).toHaveBeenCalledExactlyOnceWith(element, { locale: 'en' })
    expect(module.mount).toHaveBeenCalledTimes(1)
    element.remove()
    await element.settled
    expect(module.unmount).toHaveBeenCalledExactlyOnceWith(element)
  })

  it('returns the existing constructor when the same module is defined again', () => {
    const { module, createContext, tagName } = define()
    const again = defineMicroFrontendElement(tagName, module, { createContext })
    expect(again).toBe(customElements.get(tagName))
  })

  it('refuses to reuse a tag name for another module', () => {
    const { tagName, createContext } = define()
    expect(() => defineMicroFrontendElement(tagName, createSpyModule(), { createContext })).toThrow(
      `<${tagName}> is already defined for another module`
    )
  })
})

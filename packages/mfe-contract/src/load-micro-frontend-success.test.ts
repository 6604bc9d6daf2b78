import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createLoadOptions,
  createManifest,
  createSpyModule,
  withoutUpdate,
} from '../test/loader-fixtures'
import { loadMicroFrontend } from './load-micro-frontend'

afterEach(() => {
  vi.useRealTimers()
  document.body.replaceChildren()
  document.head.replaceChildren()
})

function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined)
}

describe('loadMicroFrontend success', () => {
  it('fetches the manifest revalidated and imports the entry resolved against it', async () => {
    const options = createLoadOptions()
    const result = await loadMicroFrontend(options)
    expect(result.ok).toBe(true)
    const [url, init] = options.fetch.mock.calls[0] ?? []
    expect(url).toBe(options.manifestUrl)
    expect(init?.cache).toBe('no-cache')
    expect(init?.signal).toBeInstanceOf(AbortSignal)
    expect(options.importModule).toHaveBeenCalledWith(
      options.manifestUrl.replace('manifest.json', 'assets/lifecycle.js')
    )
  })

  it('resolves a relative manifest URL against the document', async () => {
    const options = { ...createLoadOptions(), manifestUrl: '/mfe/relative/manifest.json' }
    await loadMicroFrontend(options)
    expect(options.fetch.mock.calls[0]?.[0]).toBe(
      'http://localhost:3000/mfe/relative/manifest.json'
    )
  })

  it('preloads the CSS resolved against the manifest URL', async () => {
    const options = createLoadOptions()
    await loadMicroFrontend(options)
    const preload = document.head.querySelector<HTMLLinkElement>('link[rel="preload"]')
    expect(preload?.href).toBe(options.manifestUrl.replace('manifest.json', 'assets/style.css'))
    expect(preload?.getAttribute('as')).toBe('style')
    expect(preload?.dataset.mfePreload).toBe('customer-development')
  })

  it('mounts into a display:contents slot that replaces the container children', async () => {
    const module = createSpyModule()
    const options = createLoadOptions(module)
    options.container.append(document.createElement('span'))
    const result = await loadMicroFrontend(options)
    const slot = options.container.firstElementChild as HTMLElement
    expect(options.container.children).toHaveLength(1)
    expect(slot.dataset.mfeSlot).toBe('customer-development')
    expect(slot.style.display).toBe('contents')
    expect(module.mount).toHaveBeenCalledExactlyOnceWith(slot, options.ctx)
    expect(result.ok && result.handle.element).toBe(slot)
    expect(result.ok && result.handle.manifest).toEqual(createManifest())
  })

  it('accepts a module that exports its lifecycle as the default export', async () => {
    const module = createSpyModule()
    const result = await loadMicroFrontend(createLoadOptions({ default: module }))
    expect(result.ok).toBe(true)
    expect(module.mount).toHaveBeenCalledTimes(1)
  })

  it('bootstraps once per module URL however often it mounts', async () => {
    const module = createSpyModule()
    const options = createLoadOptions(module)
    const second = { ...createLoadOptions(module), manifestUrl: options.manifestUrl }
    const results = await Promise.all([loadMicroFrontend(options), loadMicroFrontend(second)])
    await loadMicroFrontend(options)
    expect(results.every((result) => result.ok)).toBe(true)
    expect(module.bootstrap).toHaveBeenCalledTimes(1)
    expect(module.mount).toHaveBeenCalledTimes(3)
  })

  it('bootstraps again for a different module URL', async () => {
    const module = createSpyModule()
    await loadMicroFrontend(createLoadOptions(module))
    await loadMicroFrontend(createLoadOptions(module))
    expect(module.bootstrap).toHaveBeenCalledTimes(2)
  })
})

describe('loadMicroFrontend handle', () => {
  it('passes only the patchable keys to update', async () => {
    const module = createSpyModule()
    const result = await loadMicroFrontend(createLoadOptions(module))
    if (!result.ok) throw new Error('load failed')
    await result.handle.update({ locale: 'zh-CN', basePath: '/elsewhere' } as never)
    expect(module.update).toHaveBeenCalledExactlyOnceWith(result.handle.element, {
      locale: 'zh-CN',
    })
  })

  it('remounts with the merged context when the module has no update', async () => {
    const module = withoutUpdate(createSpyModule())
    const options = createLoadOptions(module)
    const result = await loadMicroFrontend(options)
    if (!result.ok) throw new Error('load failed')
    await result.handle.update({ locale: 'zh-CN' })
    expect(module.unmount).toHaveBeenCalledTimes(1)
    expect(module.mount).toHaveBeenLastCalledWith(result.handle.element, {
      ...options.ctx,
      locale: 'zh-CN',
    })
    expect(result.handle.element.firstElementChild?.getAttribute('lang')).toBe('zh-CN')
  })

  it('unmounts once, removes the slot and refuses later updates', async () => {
    const module = createSpyModule()
    const options = createLoadOptions(module)
    const result = await loadMicroFrontend(options)
    if (!result.ok) throw new Error('load failed')
    await Promise.all([result.handle.unmount(), result.handle.unmount()])
    expect(module.unmount).toHaveBeenCalledTimes(1)
    expect(options.container.childNodes).toHaveLength(0)
    await expect(result.handle.update({ locale: 'en' })).rejects.toThrow(
      '"customer-development" is already unmounted'
    )
  })

  it('lets a pending update finish before unmounting', async () => {
    const module = createSpyModule()
    const order: string[] = []
    module.update.mockImplementation(async () => {
      await Promise.resolve()
      order.push('update')
    })
    module.unmount.mockImplementation(() => {
      order.push('unmount')
      return Promise.resolve()
    })
    const result = await loadMicroFrontend(createLoadOptions(module))
    if (!result.ok) throw new Error('load failed')
    await Promise.all([result.handle.update({ locale: 'zh-CN' }), result.handle.unmount()])
    expect(order).toEqual(['update', 'unmount'])
  })

  it('removes the slot even when the module unmount rejects, and reports the rejection', async () => {
    const module = createSpyModule()
    module.unmount.mockRejectedValue(new Error('unmount bug'))
    const options = createLoadOptions(module)
    const result = await loadMicroFrontend(options)
    if (!result.ok) throw new Error('load failed')
    await expect(result.handle.unmount()).rejects.toThrow('unmount bug')
    expect(options.container.childNodes).toHaveLength(0)
  })
})

describe('loadMicroFrontend timeout', () => {
  it('resolves TIMEOUT and aborts the fetch when the manifest never arrives', async () => {
    vi.useFakeTimers()
    const options = createLoadOptions()
    let signal: AbortSignal | undefined
    options.fetch.mockImplementation((_url, init) => {
      signal = init.signal ?? undefined
      return never()
    })
    const pending = loadMicroFrontend(options)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'TIMEOUT', message: 'Timed out after 1000 ms while fetching the manifest' },
    })
    expect(signal?.aborted).toBe(true)
  })

  it('counts every step against one budget', async () => {
    vi.useFakeTimers()
    const options = createLoadOptions()
    const module = createSpyModule()
    module.mount.mockImplementation(() => new Promise((resolve) => setTimeout(resolve, 600)))
    options.importModule.mockImplementation(
      () => new Promise((resolve) => setTimeout(() => resolve(module), 600))
    )
    const pending = loadMicroFrontend(options)
    await vi.advanceTimersByTimeAsync(1_000)
    const result = await pending
    expect(!result.ok && result.error.message).toBe('Timed out after 1000 ms while mounting')
  })

  it('empties the container on a mount timeout and unmounts the late mount off-page', async () => {
    vi.useFakeTimers()
    const module = createSpyModule()
    let finishMount: () => void = () => undefined
    module.mount.mockImplementation(async (container: HTMLElement) => {
      await new Promise<void>((resolve) => (finishMount = resolve))
      container.append(document.createElement('p'))
    })
    const options = createLoadOptions(module)
    const pending = loadMicroFrontend(options)
    await vi.advanceTimersByTimeAsync(1_000)
    const result = await pending
    expect(!result.ok && result.error.code).toBe('TIMEOUT')
    expect(options.container.childNodes).toHaveLength(0)
    options.container.append(document.createElement('aside')) // the host's fallback panel
    finishMount()
    await vi.advanceTimersByTimeAsync(0)
    expect(module.unmount).toHaveBeenCalledTimes(1)
    expect(options.container.innerHTML).toBe('<aside></aside>')
  })

  it('leaves no timer behind after a successful load', async () => {
    vi.useFakeTimers()
    const result = await loadMicroFrontend(createLoadOptions())
    expect(result.ok).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })
})

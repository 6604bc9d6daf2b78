import { afterEach, describe, expect, it } from 'vitest'
import {
  createLoadOptions,
  createManifest,
  createSpyModule,
  jsonResponse,
} from '../test/loader-fixtures'
import { loadMicroFrontend } from './load-micro-frontend'

afterEach(() => {
  document.body.replaceChildren()
  document.head.replaceChildren()
})

describe('loadMicroFrontend failures', () => {
  it('resolves MANIFEST_UNREACHABLE when fetch rejects', async () => {
    const options = createLoadOptions()
    const offline = new TypeError('Failed to fetch')
    options.fetch.mockRejectedValue(offline)
    const result = await loadMicroFrontend(options)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'MANIFEST_UNREACHABLE',
        message: `Could not fetch manifest ${options.manifestUrl}: Failed to fetch`,
        cause: offline,
      },
    })
  })

  it('resolves MANIFEST_UNREACHABLE on a non-2xx answer', async () => {
    const options = createLoadOptions()
    options.fetch.mockResolvedValue(jsonResponse({ error: 'not found' }, 404))
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error).toEqual({
      code: 'MANIFEST_UNREACHABLE',
      message: `Manifest ${options.manifestUrl} answered HTTP 404`,
    })
  })

  it('resolves MANIFEST_UNREACHABLE for a manifest URL that cannot be parsed', async () => {
    const options = { ...createLoadOptions(), manifestUrl: 'http://[bad-host/manifest.json' }
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error.code).toBe('MANIFEST_UNREACHABLE')
    expect(options.fetch).not.toHaveBeenCalled()
  })

  it('resolves MANIFEST_INVALID when the body is not JSON', async () => {
    const options = createLoadOptions()
    options.fetch.mockResolvedValue(jsonResponse('<!doctype html><title>SPA fallback</title>'))
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error.code).toBe('MANIFEST_INVALID')
    expect(!result.ok && result.error.message).toBe(
      `Manifest ${options.manifestUrl} is not valid JSON`
    )
  })

  it('resolves MANIFEST_INVALID with the parser message for a wrong shape', async () => {
    const options = createLoadOptions(createSpyModule(), { ...createManifest(), entry: 42 })
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error).toEqual({
      code: 'MANIFEST_INVALID',
      message: `Invalid manifest: "entry" must be a non-empty string (got number 42) (${options.manifestUrl})`,
    })
  })

  it('resolves MANIFEST_INVALID when entry is not a resolvable URL', async () => {
    const options = createLoadOptions(
      createSpyModule(),
      createManifest({ entry: 'http://[oops/x.js' })
    )
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error.code).toBe('MANIFEST_INVALID')
    expect(options.importModule).not.toHaveBeenCalled()
  })

  it('refuses a manifest of another contract version with CONTRACT_MISMATCH', async () => {
    const options = createLoadOptions(createSpyModule(), createManifest({ contractVersion: 2 }))
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error).toEqual({
      code: 'CONTRACT_MISMATCH',
      message:
        '"customer-development" 1.4.0 declares contract version 2; this host supports version 1 only',
    })
    expect(options.importModule).not.toHaveBeenCalled()
  })

  it('refuses a module exporting another contract version with CONTRACT_MISMATCH', async () => {
    const options = createLoadOptions({ ...createSpyModule(), contractVersion: 2 })
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error.code).toBe('CONTRACT_MISMATCH')
  })

  it('resolves ENTRY_LOAD_FAILED when the import rejects', async () => {
    const options = createLoadOptions()
    const syntaxError = new SyntaxError('Unexpected token')
    options.importModule.mockRejectedValue(syntaxError)
    const result = await loadMicroFrontend(options)
    const entryUrl = new URL('./assets/lifecycle.js', options.manifestUrl).href
    expect(!result.ok && result.error).toEqual({
      code: 'ENTRY_LOAD_FAILED',
      message: `Could not import ${entryUrl}: Unexpected token`,
      cause: syntaxError,
    })
  })

  it.each([
    [
      'no unmount',
      { contractVersion: 1, mount: () => Promise.resolve() },
      '"unmount" must be a function',
    ],
    [
      'no contractVersion',
      { mount: () => undefined, unmount: () => undefined },
      '"contractVersion" must be exported',
    ],
    [
      'a non-function update',
      { ...createSpyModule(), update: 'yes' },
      '"update" must be a function when present',
    ],
    ['a primitive', 'not a module', 'did not evaluate to a module object'],
  ])('resolves MODULE_INVALID for an entry with %s', async (_label, module, detail) => {
    const result = await loadMicroFrontend(createLoadOptions(module))
    expect(!result.ok && result.error.code).toBe('MODULE_INVALID')
    expect(!result.ok && result.error.message).toContain(detail)
  })

  it('resolves MOUNT_FAILED, cleans up and empties the container when mount rejects', async () => {
    const module = createSpyModule()
    const failure = new Error('no API')
    module.mount.mockImplementation(async (container: HTMLElement) => {
      container.append(document.createElement('p'))
      await Promise.resolve()
      throw failure
    })
    const options = createLoadOptions(module)
    options.container.append(document.createElement('span')) // the host's loading indicator
    const result = await loadMicroFrontend(options)
    expect(result).toEqual({
      ok: false,
      error: { code: 'MOUNT_FAILED', message: 'mount() rejected: no API', cause: failure },
    })
    expect(module.unmount).toHaveBeenCalledTimes(1)
    expect(options.container.childNodes).toHaveLength(0)
  })

  it('resolves MOUNT_FAILED when mount throws synchronously', async () => {
    const module = createSpyModule()
    module.mount.mockImplementation(() => {
      throw new Error('sync bug')
    })
    const options = createLoadOptions(module)
    const result = await loadMicroFrontend(options)
    expect(!result.ok && result.error.message).toBe('mount() rejected: sync bug')
    expect(options.container.innerHTML).toBe('')
  })

  it('resolves MOUNT_FAILED when bootstrap rejects, and bootstraps again on retry', async () => {
    const module = createSpyModule()
    module.bootstrap.mockRejectedValueOnce(new Error('init failed'))
    const options = createLoadOptions(module)
    const first = await loadMicroFrontend(options)
    const retry = await loadMicroFrontend(options)
    expect(!first.ok && first.error.message).toBe(
      'bootstrap() of "customer-development" rejected: init failed'
    )
    expect(retry.ok).toBe(true)
    expect(module.bootstrap).toHaveBeenCalledTimes(2)
    expect(module.mount).toHaveBeenCalledTimes(1)
  })

  it('still resolves MOUNT_FAILED when the clean-up unmount rejects too', async () => {
    const module = createSpyModule()
    module.mount.mockRejectedValue(new Error('mount bug'))
    module.unmount.mockRejectedValue(new Error('unmount bug'))
    const result = await loadMicroFrontend(createLoadOptions(module))
    expect(!result.ok && result.error.code).toBe('MOUNT_FAILED')
  })
})

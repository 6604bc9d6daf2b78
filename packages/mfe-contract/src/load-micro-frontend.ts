import { bootstrapOnce } from './bootstrap-once'
import { createHandle } from './create-handle'
import { createDeadline, invoke, TIMED_OUT, type Deadline } from './deadline'
import { fetchManifest, resolveAgainst, step, type ManifestFetch } from './fetch-manifest'
import { describeError, LoadFailure, type MfeLoadResult } from './load-result'
import { preloadStylesheets } from './preload-stylesheets'
import type { MfeContext, MfeModule } from './types'
import { cleanUpFailedMount } from './update-or-remount'
import { verifyModule } from './verify-module'

/**
 * Used when `timeoutMs` is not given: generous for a cold cache on a slow network.
 *
 * @example
 * await loadMicroFrontend({ manifestUrl, container, ctx, timeoutMs: DEFAULT_LOAD_TIMEOUT_MS / 2 })
 */
export const DEFAULT_LOAD_TIMEOUT_MS = 15_000

/**
 * Options of `loadMicroFrontend`.
 *
 * @example
 * const options: LoadMicroFrontendOptions = {
 *   manifestUrl: '/mfe/customer-development/manifest.json',
 *   container: document.querySelector('#module-slot')!,
 *   ctx,
 *   timeoutMs: 10_000,
 * }
 */
export interface LoadMicroFrontendOptions {
  /** Absolute, or relative to the container's document. `entry` and `css` resolve against it. */
  manifestUrl: string | URL
  /** Owned by the loader until the result: its children are replaced, and emptied on failure. */
  container: HTMLElement
  ctx: MfeContext
  /** One budget for every step, from fetching the manifest to `mount`. */
  timeoutMs?: number
  /** Imports the entry; tests inject a fake. Defaults to a native dynamic `import()`. */
  importModule?: (url: string) => Promise<unknown>
  /** Defaults to the global `fetch`. */
  fetch?: ManifestFetch
}

const nativeImport = (url: string): Promise<unknown> =>
  import(/* @vite-ignore */ /* webpackIgnore: true */ url)

async function importEntry(
  entryUrl: string,
  options: LoadMicroFrontendOptions,
  deadline: Deadline
): Promise<MfeModule> {
  const importModule = options.importModule ?? nativeImport
  const imported = await step(
    deadline,
    `importing ${entryUrl}`,
    () => importModule(entryUrl),
    (cause) =>
      new LoadFailure(
        'ENTRY_LOAD_FAILED',
        `Could not import ${entryUrl}: ${describeError(cause)}`,
        cause
      )
  )
  const verified = verifyModule(imported)
  if (!verified.ok) throw new LoadFailure(verified.code, `${verified.message} (${entryUrl})`)
  return verified.module
}

async function mountInto(
  slot: HTMLElement,
  module: MfeModule,
  options: LoadMicroFrontendOptions,
  deadline: Deadline
): Promise<void> {
  const mounting = invoke(() => module.mount(slot, options.ctx))
  const outcome = await deadline.race(
    mounting.then(
      () => undefined,
      (cause: unknown) => ({ cause })
    )
  )
  if (outcome === TIMED_OUT) {
    // The slot is detached by the caller, so a mount that finishes late renders off-page and
    // is unmounted at once instead of covering the host's fallback panel.
    const cleanUp = () => cleanUpFailedMount(module, slot)
    void mounting.then(cleanUp, cleanUp)
    throw new LoadFailure('TIMEOUT', `Timed out after ${deadline.timeoutMs} ms while mounting`)
  }
  if (outcome) {
    await deadline.race(cleanUpFailedMount(module, slot))
    throw new LoadFailure(
      'MOUNT_FAILED',
      `mount() rejected: ${describeError(outcome.cause)}`,
      outcome.cause
    )
  }
}

/**
 * Host side: loads a micro-frontend by its manifest URL and mounts it into `container`. Steps,
 * all under one `timeoutMs` budget: fetch the manifest (revalidated every time), parse it,
 * refuse any `contractVersion` but `CONTRACT_VERSION`, resolve `entry` and `css` against the
 * manifest URL, preload the CSS, import the entry, verify its shape, run `bootstrap` once per
 * entry URL per page, and `mount` it into a `display: contents` slot replacing the
 * container's children. It never rejects: any failure resolves `{ ok: false, error }`, with
 * the container emptied, so the host can render its fallback panel there and offer Retry.
 *
 * @example
 * const result = await loadMicroFrontend({
 *   manifestUrl: '/mfe/customer-development/manifest.json',
 *   container,
 *   ctx,
 *   timeoutMs: 10_000,
 * })
 * if (!result.ok) {
 *   console.warn(result.error.code, result.error.message)
 *   renderFallbackPanel(container) // "unavailable, Retry"
 * } else {
 *   onLocaleChange((locale) => result.handle.update({ locale }))
 *   onLeave(() => result.handle.unmount())
 * }
 */
export async function loadMicroFrontend(options: LoadMicroFrontendOptions): Promise<MfeLoadResult> {
  const { container } = options
  let slot: HTMLElement | undefined
  let deadline: Deadline | undefined
  try {
    deadline = createDeadline(options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS)
    const document = container.ownerDocument
    let manifestUrl: URL
    try {
      manifestUrl = new URL(options.manifestUrl, document.baseURI)
    } catch (cause) {
      const url = String(options.manifestUrl)
      throw new LoadFailure('MANIFEST_UNREACHABLE', `Manifest URL "${url}" is not valid`, cause)
    }
    const manifest = await fetchManifest(manifestUrl, options.fetch, deadline)
    const entryUrl = resolveAgainst(manifestUrl, manifest.entry, 'entry')
    const cssUrls = manifest.css.map((href) => resolveAgainst(manifestUrl, href, 'css'))
    preloadStylesheets({ name: manifest.name, hrefs: cssUrls, document })
    const module = await importEntry(entryUrl, options, deadline)
    await step(
      deadline,
      'bootstrapping',
      () => bootstrapOnce(entryUrl, module),
      (cause) =>
        new LoadFailure(
          'MOUNT_FAILED',
          `bootstrap() of "${manifest.name}" rejected: ${describeError(cause)}`,
          cause
        )
    )
    slot = document.createElement('div')
    slot.dataset.mfeSlot = manifest.name
    slot.style.display = 'contents'
    container.replaceChildren(slot)
    await mountInto(slot, module, options, deadline)
    return { ok: true, handle: createHandle({ module, manifest, slot, ctx: options.ctx }) }
  } catch (error) {
    slot?.remove()
    try {
      container.replaceChildren()
    } catch {
      // A container that is not an element is the host's bug; the result still reports why.
    }
    const failure =
      error instanceof LoadFailure
        ? error
        : new LoadFailure('MOUNT_FAILED', `Unexpected loader error: ${describeError(error)}`, error)
    return { ok: false, error: failure.toLoadError() }
  } finally {
    deadline?.cancel()
  }
}

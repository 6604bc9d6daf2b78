import { vi } from 'vitest'
import type { LoadMicroFrontendOptions } from '../src/load-micro-frontend'
import { CONTRACT_VERSION, type MfeContext, type MfeManifest, type MfeModule } from '../src/types'
import { createFakeContext } from './fake-context'

let sequence = 0

/** A manifest URL no other test uses, so the page-wide bootstrap registry starts empty. */
export function uniqueManifestUrl(): string {
  sequence += 1
  return `http://localhost:3000/mfe/module-${sequence}/manifest.json`
}

export function createManifest(overrides: Partial<MfeManifest> = {}): MfeManifest {
  return {
    name: 'customer-development',
    version: '1.4.0',
    contractVersion: CONTRACT_VERSION,
    entry: './assets/lifecycle.js',
    css: ['./assets/style.css'],
    ...overrides,
  }
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

/** A module whose lifecycle functions are spies; mount renders a root with lang. */
export function createSpyModule() {
  return {
    contractVersion: CONTRACT_VERSION,
    bootstrap: vi.fn(() => Promise.resolve()),
    mount: vi.fn((container: HTMLElement, ctx: MfeContext) => {
      const root = container.ownerDocument.createElement('div')
      root.lang = ctx.locale
      root.textContent = 'module content'
      container.append(root)
      return Promise.resolve()
    }),
    update: vi.fn((container: HTMLElement, patch: Partial<MfeContext>) => {
      if (patch.locale) container.firstElementChild?.setAttribute('lang', patch.locale)
      return Promise.resolve()
    }),
    unmount: vi.fn((container: HTMLElement) => {
      container.replaceChildren()
      return Promise.resolve()
    }),
  } satisfies MfeModule
}

export type SpyModule = ReturnType<typeof createSpyModule>

/** Loader options wired to a fake fetch answering with `manifest` and a fake import. */
export function createLoadOptions(
  module: unknown = createSpyModule(),
  manifest: unknown = createManifest()
) {
  const container = document.createElement('div')
  document.body.append(container)
  const options = {
    manifestUrl: uniqueManifestUrl(),
    container,
    ctx: createFakeContext(),
    timeoutMs: 1_000,
    fetch: vi.fn((_url: string, _init: RequestInit) => Promise.resolve(jsonResponse(manifest))),
    importModule: vi.fn((_url: string) => Promise.resolve(module)),
  } satisfies LoadMicroFrontendOptions
  return options
}

/** A copy of a module without `update`, the contract's optional lifecycle function. */
export function withoutUpdate<M extends { update?: unknown }>(module: M): Omit<M, 'update'> {
  const { update, ...rest } = module
  void update
  return rest
}

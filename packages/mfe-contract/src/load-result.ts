import type { MfeContextPatch, MfeManifest } from './types'

/**
 * Every way `loadMicroFrontend` can fail, in the order the loader meets them.
 *
 * @example
 * if (!result.ok && MFE_LOAD_ERROR_CODES.includes(result.error.code)) showFallback()
 */
export const MFE_LOAD_ERROR_CODES = [
  'MANIFEST_UNREACHABLE',
  'MANIFEST_INVALID',
  'CONTRACT_MISMATCH',
  'ENTRY_LOAD_FAILED',
  'MODULE_INVALID',
  'MOUNT_FAILED',
  'TIMEOUT',
] as const

/**
 * One of `MFE_LOAD_ERROR_CODES`:
 * - `MANIFEST_UNREACHABLE`: bad manifest URL, network error or non-2xx answer;
 * - `MANIFEST_INVALID`: not JSON, wrong shape, or `entry`/`css` not resolvable;
 * - `CONTRACT_MISMATCH`: the manifest's or the module's `contractVersion` is not ours;
 * - `ENTRY_LOAD_FAILED`: importing `entry` failed;
 * - `MODULE_INVALID`: the entry lacks `mount`/`unmount` or a numeric `contractVersion`;
 * - `MOUNT_FAILED`: `bootstrap` or `mount` rejected (or threw);
 * - `TIMEOUT`: `timeoutMs` ran out during any step.
 *
 * @example
 * const code: MfeLoadErrorCode = 'TIMEOUT'
 */
export type MfeLoadErrorCode = (typeof MFE_LOAD_ERROR_CODES)[number]

/**
 * Why a load failed; `message` is for logs, not for end users.
 *
 * @example
 * const error: MfeLoadError = { code: 'MOUNT_FAILED', message: 'mount() rejected: boom', cause }
 */
export interface MfeLoadError {
  code: MfeLoadErrorCode
  message: string
  cause?: unknown
}

/**
 * A mounted micro-frontend, as returned by `loadMicroFrontend`. Calls on one handle run one
 * after another, so an `unmount` issued during an `update` waits for it.
 *
 * @example
 * await handle.update({ locale: 'zh-CN' })
 * await handle.unmount()
 */
export interface MfeHandle {
  readonly manifest: MfeManifest
  /** The element the module is mounted in: a `display: contents` slot inside the container. */
  readonly element: HTMLElement
  /** Rejects with the module's error, or when called after `unmount`. */
  update(patch: MfeContextPatch): Promise<void>
  /** Idempotent; always removes the slot, then rejects if the module's `unmount` did. */
  unmount(): Promise<void>
}

/**
 * What `loadMicroFrontend` resolves with; it never rejects.
 *
 * @example
 * const result: MfeLoadResult = await loadMicroFrontend(options)
 * if (result.ok) slot.handle = result.handle
 * else showFallback(result.error.code)
 */
export type MfeLoadResult = { ok: true; handle: MfeHandle } | { ok: false; error: MfeLoadError }

/**
 * Thrown inside the loader to stop at the first failing step; never escapes it.
 *
 * @example
 * throw new LoadFailure('MANIFEST_INVALID', 'Manifest is not JSON', cause)
 */
export class LoadFailure extends Error {
  constructor(
    readonly code: MfeLoadErrorCode,
    message: string,
    override readonly cause?: unknown
  ) {
    super(message)
    this.name = 'LoadFailure'
  }

  /** The plain object handed to hosts (no stack, `cause` only when there is one). */
  toLoadError(): MfeLoadError {
    return this.cause === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, cause: this.cause }
  }
}

/**
 * Renders an unknown thrown value for a message.
 *
 * @example
 * describeError(new Error('boom')) // 'boom'
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
  } catch {
    return String(error)
  }
}

import { invoke } from './deadline'
import type { MfeHandle } from './load-result'
import type { MfeContext, MfeManifest, MfeModule } from './types'
import { updateOrRemount } from './update-or-remount'

/**
 * Options of `createHandle`.
 *
 * @example
 * const options: CreateHandleOptions = { module, manifest, slot, ctx }
 */
export interface CreateHandleOptions {
  module: MfeModule
  manifest: MfeManifest
  /** The element the module was mounted in; removed on unmount. */
  slot: HTMLElement
  ctx: MfeContext
}

/**
 * Wraps a successfully mounted module in an `MfeHandle` whose calls are queued, so `update` and
 * `unmount` never overlap inside the module.
 *
 * @example
 * const handle = createHandle({ module, manifest, slot, ctx })
 * await handle.unmount()
 */
export function createHandle({ module, manifest, slot, ctx }: CreateHandleOptions): MfeHandle {
  let current = ctx
  let unmounting: Promise<void> | undefined
  let queue: Promise<unknown> = Promise.resolve()
  const enqueue = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step)
    queue = run.catch(() => undefined)
    return run
  }

  return {
    manifest,
    element: slot,
    update(patch) {
      if (unmounting) {
        return Promise.reject(new Error(`"${manifest.name}" is already unmounted`))
      }
      return enqueue(async () => {
        current = await updateOrRemount({ module, container: slot, ctx: current, patch })
      })
    },
    unmount() {
      unmounting ??= enqueue(async () => {
        try {
          await invoke(() => module.unmount(slot))
        } finally {
          slot.remove()
        }
      })
      return unmounting
    },
  }
}

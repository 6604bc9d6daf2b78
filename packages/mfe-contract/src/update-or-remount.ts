import { invoke } from './deadline'
import type { MfeContext, MfeContextPatch, MfeModule } from './types'

/**
 * Keeps only the keys a patch may carry, so passing a whole `MfeContext` as a patch cannot
 * smuggle a new `auth` or `events` into a mounted module.
 *
 * @example
 * pickPatch({ ...ctx, locale: 'zh-CN' }) // { locale: 'zh-CN', featureFlags, tenant }
 */
export function pickPatch(patch: MfeContextPatch): MfeContextPatch {
  const picked: MfeContextPatch = {}
  if (patch.locale !== undefined) picked.locale = patch.locale
  if (patch.featureFlags !== undefined) picked.featureFlags = patch.featureFlags
  if (patch.tenant !== undefined) picked.tenant = patch.tenant
  return picked
}

/**
 * Options of `updateOrRemount`.
 *
 * @example
 * const options: UpdateOrRemountOptions = { module, container, ctx, patch: { locale: 'en' } }
 */
export interface UpdateOrRemountOptions {
  module: MfeModule
  container: HTMLElement
  /** The context the module is mounted with now. */
  ctx: MfeContext
  patch: MfeContextPatch
}

/**
 * Applies a patch to a mounted module and returns the merged context. `update` is optional in
 * the contract, so a module without it is unmounted and mounted again with the merged context:
 * it loses its in-memory state, but the host can still switch locale.
 *
 * @example
 * ctx = await updateOrRemount({ module, container, ctx, patch: { locale: 'zh-CN' } })
 */
export async function updateOrRemount({
  module,
  container,
  ctx,
  patch,
}: UpdateOrRemountOptions): Promise<MfeContext> {
  const picked = pickPatch(patch)
  const next: MfeContext = { ...ctx, ...picked }
  if (module.update) {
    await invoke(() => module.update?.(container, picked))
  } else {
    await invoke(() => module.unmount(container))
    await invoke(() => module.mount(container, next))
  }
  return next
}

/**
 * Best-effort clean-up after a `mount` that rejected or timed out: asks the module to unmount
 * (its own leftovers, such as CSS links, are only known to it) and swallows any error, since
 * the mount already failed and the host only needs the failure reported once.
 *
 * @example
 * await mounting.catch(() => cleanUpFailedMount(module, container))
 */
export async function cleanUpFailedMount(module: MfeModule, container: HTMLElement): Promise<void> {
  try {
    await invoke(() => module.unmount(container))
  } catch {
    // Deliberately ignored: see above.
  }
}

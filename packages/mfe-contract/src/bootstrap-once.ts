import { invoke } from './deadline'
import type { MfeModule } from './types'

// One entry per module URL for the life of the page (this JS realm): `bootstrap` runs once
// even when several loads of one module overlap, as they all await the same promise.
const bootstraps = new Map<string, Promise<void>>()
// The element adapter holds the module object itself rather than a URL, so it keys by that.
const bootstrapsByModule = new WeakMap<MfeModule, Promise<void>>()

/**
 * Runs `module.bootstrap` at most once per module URL (or, given only the module, per module
 * object) per page and returns its promise. A
 * rejected bootstrap is forgotten, so a later retry (the fallback panel's Retry) can try again.
 *
 * @example
 * await bootstrapOnce(entryUrl, module)
 * await module.mount(container, ctx)
 */
export function bootstrapOnce(moduleUrl: string | undefined, module: MfeModule): Promise<void> {
  const known = moduleUrl === undefined ? bootstrapsByModule.get(module) : bootstraps.get(moduleUrl)
  if (known) return known
  const running = invoke(() => module.bootstrap?.()).then(() => undefined)
  const forget = () => {
    if (moduleUrl === undefined) bootstrapsByModule.delete(module)
    else bootstraps.delete(moduleUrl)
  }
  if (moduleUrl === undefined) bootstrapsByModule.set(module, running)
  else bootstraps.set(moduleUrl, running)
  running.catch(forget)
  return running
}

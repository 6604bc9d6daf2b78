import { bootstrapOnce } from '../bootstrap-once'
import { describeError } from '../load-result'
import type { MfeContext, MfeModule } from '../types'
import { verifyModule } from '../verify-module'
import {
  MFE_CHECK_NAMES,
  toCheck,
  type MfeCheck,
  type MfeCheckName,
  type MfeCheckReport,
} from './check-report'
import { captureUncaught, KitHost } from './kit-host'
import { runFailedMountScenarios } from './failed-mount-scenarios'
import { runTwoMountsScenario } from './two-mounts-scenario'

/**
 * Options of `checkMicroFrontend`.
 *
 * @example
 * const options: CheckMicroFrontendOptions = {
 *   load: () => import('./lifecycle'),
 *   createContext: () => createFakeContext(),
 * }
 */
export interface CheckMicroFrontendOptions {
  /** Returns the module (or its namespace); called once. */
  load: () => unknown
  /** A fresh context per mount; the kit forces `locale: 'en'` and may replace `auth.getToken`. */
  createContext: () => MfeContext
  /** Defaults to the global `document`. */
  document?: Document
  /** Budget per lifecycle call; default 5000 ms. */
  timeoutMs?: number
}

const TWO_MOUNTS_CHECKS = [
  MFE_CHECK_NAMES.renders,
  MFE_CHECK_NAMES.independent,
  MFE_CHECK_NAMES.locale,
  MFE_CHECK_NAMES.unmount,
] as const
const FAILED_MOUNT_CHECKS = [MFE_CHECK_NAMES.tokenRejected, MFE_CHECK_NAMES.mountThrows] as const

async function loadModule(load: () => unknown): Promise<{ module?: MfeModule; check: MfeCheck }> {
  const name = MFE_CHECK_NAMES.loads
  try {
    const verified = verifyModule(await load())
    if (!verified.ok)
      return { check: { name, ok: false, message: `${verified.code}: ${verified.message}` } }
    await bootstrapOnce(undefined, verified.module)
    return { module: verified.module, check: { name, ok: true } }
  } catch (error) {
    return {
      check: { name, ok: false, message: `load() or bootstrap() failed: ${describeError(error)}` },
    }
  }
}

/**
 * The contract test kit: runs a module through the checks of architecture.md section 4 on a
 * page of its own making and reports each one. Two mounts stay independent (updating or
 * unmounting one leaves the other's markup untouched); `update({ locale: 'zh-CN' })` re-renders
 * and the root element's `lang` follows the locale; `unmount` empties the container and the
 * last one removes every `link[data-mfe]`; a mount whose `getToken` rejects, and one that
 * throws, leave the container reusable; nothing throws uncaught. It never throws itself
 * (see `assertMicroFrontend` for that) and uses DOM APIs only, so it runs under happy-dom in a
 * module's unit tests and bundled into a page in the e2e suite. Do not run it under fake timers.
 *
 * @example
 * import { checkMicroFrontend } from '@partner-center/mfe-contract/testing'
 *
 * it('meets the micro-frontend contract', async () => {
 *   const report = await checkMicroFrontend({
 *     load: () => import('./lifecycle'),
 *     createContext: () => createFakeContext(),
 *   })
 *   expect(report.checks.filter((check) => !check.ok)).toEqual([])
 * })
 */
export async function checkMicroFrontend(
  options: CheckMicroFrontendOptions
): Promise<MfeCheckReport> {
  const document = options.document ?? globalThis.document
  const host = new KitHost(document, options.timeoutMs ?? 5_000)
  const uncaught = captureUncaught(document.defaultView)
  const baselineLinks = new Set(host.mfeLinks())
  const checks: MfeCheck[] = []
  try {
    const loaded = await loadModule(options.load)
    checks.push(loaded.check)
    const { module } = loaded
    if (!module) {
      const skipped = [...TWO_MOUNTS_CHECKS, ...FAILED_MOUNT_CHECKS]
      checks.push(
        ...skipped.map((name) => ({ name, ok: false, message: 'not run: the module did not load' }))
      )
    } else {
      const createContext = (): MfeContext => ({ ...options.createContext(), locale: 'en' })
      const input = { module, host, createContext, baselineLinks }
      checks.push(...(await runScenario(() => runTwoMountsScenario(input), TWO_MOUNTS_CHECKS)))
      checks.push(...(await runScenario(() => runFailedMountScenarios(input), FAILED_MOUNT_CHECKS)))
    }
    await host.settle()
  } finally {
    uncaught.stop()
    host.dispose()
  }
  checks.push(toCheck(MFE_CHECK_NAMES.uncaught, uncaught.errors))
  return { passed: checks.every((check) => check.ok), checks }
}

// A scenario throws only through a bug in a module's synchronous code that the kit touched
// directly (createContext, say); report it against the scenario's checks instead of crashing.
async function runScenario(
  run: () => Promise<MfeCheck[]>,
  names: readonly MfeCheckName[]
): Promise<MfeCheck[]> {
  try {
    return await run()
  } catch (error) {
    const message = `the scenario crashed: ${describeError(error)}`
    return names.map((name) => ({ name, ok: false, message }))
  }
}

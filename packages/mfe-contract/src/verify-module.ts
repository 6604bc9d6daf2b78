import { CONTRACT_VERSION, type MfeModule } from './types'

/**
 * The outcome of `verifyModule`.
 *
 * @example
 * const verified: VerifyModuleResult = verifyModule(await import(url))
 */
export type VerifyModuleResult =
  | { ok: true; module: MfeModule }
  | { ok: false; code: 'MODULE_INVALID' | 'CONTRACT_MISMATCH'; message: string }

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
}

function problemsOf(candidate: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const name of ['mount', 'unmount'] as const) {
    if (typeof candidate[name] !== 'function') problems.push(`"${name}" must be a function`)
  }
  for (const name of ['bootstrap', 'update'] as const) {
    const value = candidate[name]
    if (value !== undefined && typeof value !== 'function') {
      problems.push(`"${name}" must be a function when present`)
    }
  }
  if (typeof candidate.contractVersion !== 'number') {
    problems.push(`"contractVersion" must be exported as the number ${CONTRACT_VERSION}`)
  }
  return problems
}

/**
 * Checks that an imported entry has the `MfeModule` shape: `mount` and `unmount` functions,
 * optional `bootstrap`/`update` functions and a numeric `contractVersion` equal to
 * `CONTRACT_VERSION` (a different number is a `CONTRACT_MISMATCH`, anything else
 * `MODULE_INVALID`). The lifecycle is read from the named exports; a module that instead
 * exports one default object is accepted too, because some bundlers wrap entries that way.
 * The object is returned as-is, so methods keep their `this`.
 *
 * @example
 * const verified = verifyModule(await import(entryUrl))
 * if (!verified.ok) throw new Error(`${verified.code}: ${verified.message}`)
 * await verified.module.mount(container, ctx)
 */
export function verifyModule(value: unknown): VerifyModuleResult {
  if (!isObject(value)) {
    return {
      ok: false,
      code: 'MODULE_INVALID',
      message: 'The entry did not evaluate to a module object',
    }
  }
  const fallback = value.default
  const candidate =
    typeof value.mount !== 'function' && isObject(fallback) && typeof fallback.mount === 'function'
      ? fallback
      : value
  const problems = problemsOf(candidate)
  if (problems.length > 0) {
    return { ok: false, code: 'MODULE_INVALID', message: `Invalid module: ${problems.join('; ')}` }
  }
  if (candidate.contractVersion !== CONTRACT_VERSION) {
    return {
      ok: false,
      code: 'CONTRACT_MISMATCH',
      message: `The module implements contract version ${String(candidate.contractVersion)}; this host supports version ${CONTRACT_VERSION} only`,
    }
  }
  return { ok: true, module: candidate as unknown as MfeModule }
}

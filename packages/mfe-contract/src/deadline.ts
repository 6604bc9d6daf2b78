/**
 * What `Deadline.race` resolves with when time ran out first.
 *
 * @example
 * if ((await deadline.race(work)) === TIMED_OUT) return timeoutResult()
 */
export const TIMED_OUT: unique symbol = Symbol('timed out')

/**
 * One time budget shared by several awaited steps (internal to the package).
 *
 * @example
 * const deadline = createDeadline(5_000)
 * const response = await deadline.race(fetch(url, { signal: deadline.signal }))
 * if (response === TIMED_OUT) return fail()
 * deadline.cancel()
 */
export interface Deadline {
  readonly timeoutMs: number
  /** Aborts when time runs out, so a pending fetch stops too. */
  readonly signal: AbortSignal
  /** Settles like `promise`, or with `TIMED_OUT` once the budget is spent. */
  race<T>(promise: Promise<T>): Promise<T | typeof TIMED_OUT>
  /** Stops the timer; call it once the work is done so no timer outlives it. */
  cancel(): void
}

/**
 * Starts a deadline `timeoutMs` from now; one timer serves every step raced against it.
 *
 * @example
 * const deadline = createDeadline(10_000)
 * try {
 *   const value = await deadline.race(step())
 * } finally {
 *   deadline.cancel()
 * }
 */
export function createDeadline(timeoutMs: number): Deadline {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`Timed out after ${timeoutMs} ms`))
      resolve(TIMED_OUT)
    }, timeoutMs)
  })
  return {
    timeoutMs,
    signal: controller.signal,
    // Promise.race subscribes to `promise`, so a rejection arriving after the deadline won
    // counts as handled and never surfaces as an unhandled rejection.
    race: (promise) => Promise.race([promise, expired]),
    cancel: () => {
      clearTimeout(timer)
    },
  }
}

/**
 * Calls a lifecycle function and always returns a promise: a synchronous throw becomes a
 * rejection and a non-promise return value a resolution, so callers handle one shape only.
 *
 * @example
 * const mounting = invoke(() => module.mount(container, ctx)) // never throws synchronously
 */
export function invoke<T>(call: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(call())
  })
}

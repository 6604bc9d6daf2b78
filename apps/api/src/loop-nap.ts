/** A pause of a polling loop that `wake()` ends early. */
export interface LoopNap {
  sleep(ms: number): Promise<void>
  wake(): void
}

/**
 * A pause that `wake()` ends early, so that new work or a stop never waits out a poll interval.
 * The dispatcher's email loops and webhook loops each hold their own.
 *
 * @example
 * const nap = createLoopNap()
 * await nap.sleep(config.pollIntervalMs) // until then, or until nap.wake()
 */
export function createLoopNap(): LoopNap {
  let wake: (() => void) | null = null
  return {
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms)
        function done() {
          clearTimeout(timer)
          wake = null
          resolve()
        }
        wake = done
      }),
    wake: () => wake?.(),
  }
}

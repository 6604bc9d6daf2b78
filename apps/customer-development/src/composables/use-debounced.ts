import { onBeforeUnmount } from 'vue'

/**
 * Wraps `fn` so it runs once `ms` after the last call; pending calls are dropped on unmount.
 *
 * @example
 * const search = useDebounced((q: string) => store.setSearch(q), 300)
 */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => unknown, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer)
  })
  return (...args: A): void => {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void fn(...args)
    }, ms)
  }
}

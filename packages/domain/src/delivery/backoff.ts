import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'

/**
 * Delay before the next delivery attempt after a temporary failure (R53):
 * `min(cap, base × 2^(attempt−1))` times a jitter factor `0.5 + 0.5 × random`, so in
 * [0.5, 1] × the capped delay. `random` is passed in (the package reads no randomness) and is
 * clamped to [0, 1]; an attempt below 1 or not a number counts as 1. Seconds, to the millisecond.
 *
 * @example
 * computeBackoffSeconds({ attempt: 1, random: 0 }) // 15
 * computeBackoffSeconds({ attempt: 20, random: 0.999 }) // ≈ 3598.2 (capped at 3600 before jitter)
 */
export function computeBackoffSeconds(options: {
  attempt: number
  random: number
  limits?: Limits
}): number {
  const { limits = DEFAULT_LIMITS } = options
  const attempt = Number.isFinite(options.attempt) ? Math.max(1, Math.floor(options.attempt)) : 1
  const random = Number.isFinite(options.random) ? Math.min(1, Math.max(0, options.random)) : 0
  const base = limits.OUTBOX_BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)
  const capped = Math.min(limits.OUTBOX_BACKOFF_CAP_SECONDS, base)
  return Math.round(capped * (0.5 + 0.5 * random) * 1000) / 1000
}

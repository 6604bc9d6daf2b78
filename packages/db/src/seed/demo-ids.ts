import { uuidV5 } from './uuid-v5'

/** Namespace of every demo id; fixed forever so demo ids stay stable across releases. */
export const SEED_NAMESPACE = '3f0e8a52-6c1d-4f7b-9a2e-5d8c7b6a1e09'

/**
 * The id of a seeded row: UUID v5 of its fixed name in {@link SEED_NAMESPACE}.
 *
 * @example
 * demoId('preregistration:P01') // the id of pre-registration P01 of domain.md §10.3
 * demoId('partner:acme')
 */
export function demoId(name: string): string {
  return uuidV5(name, SEED_NAMESPACE)
}

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

/**
 * The instant `now + days + minutes` (negative values go back). Durations are exact: a day is
 * 24 h (domain.md conventions).
 */
export function offsetFrom(now: Date, days: number, minutes = 0): Date {
  return new Date(now.getTime() + days * DAY_MS + minutes * MINUTE_MS)
}

import type { CustomerAccountSnapshot } from '../core/entities'
import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'
import { DAY_MS } from '../core/time'

/**
 * Whether an account needs the manual-review route (R25) or fails acceptance (R63): older than
 * `ACCOUNT_MAX_AGE_DAYS` (strictly: exactly 7 days is not older) or with cash spend.
 *
 * @example
 * isAccountTooOldOrHasSpend({ registeredAt: new Date('2025-01-01T00:00:00Z'), hasCashSpend: false }, new Date('2025-01-08T00:00:00Z')) // false
 */
export function isAccountTooOldOrHasSpend(
  account: Pick<CustomerAccountSnapshot, 'registeredAt' | 'hasCashSpend'>,
  now: Date,
  limits: Limits = DEFAULT_LIMITS
): boolean {
  const ageMs = now.getTime() - account.registeredAt.getTime()
  return account.hasCashSpend || ageMs > limits.ACCOUNT_MAX_AGE_DAYS * DAY_MS
}

import { ACTION_KEYS, FAILURE_CATALOGUE, FAILURE_CODES } from '@partner-center/domain'
import type { CatalogueSnapshot } from './catalogue-compat'

/**
 * The public facts of the failure catalogue `@partner-center/domain` exports now.
 *
 * @example
 * liveCatalogue().failureCodes.LINK_EXPIRED // { httpStatus: 410 }
 */
export function liveCatalogue(): CatalogueSnapshot {
  return {
    actionKeys: [...ACTION_KEYS].sort(),
    failureCodes: Object.fromEntries(
      FAILURE_CODES.map((code) => [code, { httpStatus: FAILURE_CATALOGUE[code].httpStatus }])
    ),
  }
}

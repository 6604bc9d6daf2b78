import { isJsonObject } from './json-types'

/**
 * What `@partner-center/domain` promises about its failure catalogue: every code with its HTTP
 * status (null for a code that is never an HTTP answer), and the suggested-action keys a consumer
 * may name (`ACTION_TEXTS.RESEND`). Messages and action texts are copy, changed in any release,
 * and which action a code suggests is advice, not shape.
 */
export interface CatalogueSnapshot {
  actionKeys: string[]
  failureCodes: Record<string, { httpStatus: number | null }>
}

/**
 * Reads a catalogue snapshot from parsed JSON, refusing anything of another shape.
 *
 * @example
 * asCatalogueSnapshot({ actionKeys: [], failureCodes: { NOT_FOUND: { httpStatus: 404 } } })
 */
export function asCatalogueSnapshot(value: unknown): CatalogueSnapshot {
  const ok =
    isJsonObject(value) &&
    Array.isArray(value.actionKeys) &&
    value.actionKeys.every((key) => typeof key === 'string') &&
    isJsonObject(value.failureCodes) &&
    Object.values(value.failureCodes).every(
      (entry) =>
        isJsonObject(entry) && (entry.httpStatus === null || typeof entry.httpStatus === 'number')
    )
  if (!ok) throw new Error('not a failure catalogue snapshot: { actionKeys, failureCodes }')
  return value as unknown as CatalogueSnapshot
}

/**
 * Every change from the released catalogue to the new one that breaks a consumer: a removed
 * failure code (clients, audit rows and History Records store codes), a code answered with another
 * HTTP status, a removed action key. New codes and keys break nothing.
 *
 * @example
 * compareCatalogues(
 *   { actionKeys: [], failureCodes: { LINK_EXPIRED: { httpStatus: 410 } } },
 *   { actionKeys: [], failureCodes: { LINK_EXPIRED: { httpStatus: 404 } } }
 * ) // ['failure code LINK_EXPIRED: httpStatus 410 → 404']
 */
export function compareCatalogues(old: CatalogueSnapshot, next: CatalogueSnapshot): string[] {
  const breaks: string[] = []
  for (const [code, entry] of Object.entries(old.failureCodes)) {
    const now = next.failureCodes[code]
    if (!now) breaks.push(`failure code ${code}: removed`)
    else if (now.httpStatus !== entry.httpStatus) {
      breaks.push(`failure code ${code}: httpStatus ${entry.httpStatus} → ${now.httpStatus}`)
    }
  }
  for (const key of old.actionKeys) {
    if (!next.actionKeys.includes(key)) breaks.push(`action key ${key}: removed`)
  }
  return breaks
}

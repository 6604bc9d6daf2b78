import { asCatalogueSnapshot, compareCatalogues } from './catalogue-compat'
import { isJsonObject, type JsonObject } from './json-types'
import { liveCatalogue } from './live-catalogue'
import { liveOpenApiDocument } from './live-openapi-document'
import { compareOpenApiDocuments } from './openapi-compat'

/** A published package whose public API is held to its last release by a snapshot. */
export interface PublicApiPackage {
  name: string
  /** What the snapshot holds, for messages. */
  holds: string
  /** The public API as the code exports or serves it now. */
  live: () => Promise<unknown>
  /** The changes from an older snapshot to a newer one that break its consumers. */
  compare: (old: unknown, next: unknown) => string[]
}

function asDocument(value: unknown): JsonObject {
  if (!isJsonObject(value) || !isJsonObject(value.paths)) {
    throw new Error('not an OpenAPI document: no paths')
  }
  return value
}

/**
 * The packages whose public API the check guards: the domain's failure catalogue, and the
 * contracts' request and response shapes as the OpenAPI document the API serves from them.
 *
 * @example
 * PUBLIC_API_PACKAGES.map((pkg) => pkg.name) // ['@partner-center/domain', '@partner-center/contracts']
 */
export const PUBLIC_API_PACKAGES: readonly PublicApiPackage[] = [
  {
    name: '@partner-center/domain',
    holds: 'failure catalogue (codes, HTTP statuses, action keys)',
    live: () => Promise.resolve(liveCatalogue()),
    compare: (old, next) => compareCatalogues(asCatalogueSnapshot(old), asCatalogueSnapshot(next)),
  },
  {
    name: '@partner-center/contracts',
    holds: 'OpenAPI document served at /api/openapi.json',
    live: liveOpenApiDocument,
    compare: (old, next) => compareOpenApiDocuments(asDocument(old), asDocument(next)),
  },
]

import type { PGlite } from '@electric-sql/pglite'
import type { Sql } from 'postgres'

/** The driver client behind a handle, kept out of the public handle so callers stay driver-blind. */
export type RawClient = { kind: 'postgres'; sql: Sql } | { kind: 'pglite'; pglite: PGlite }

const rawClients = new WeakMap<object, RawClient>()

/** Remembers the driver client of a handle made by `createDb`. */
export function registerRawClient(handle: object, client: RawClient): void {
  rawClients.set(handle, client)
}

/** The driver client of a handle made by `createDb`; throws for any other object. */
export function getRawClient(handle: object): RawClient {
  const client = rawClients.get(handle)
  if (!client) throw new Error('Not a handle returned by createDb()')
  return client
}

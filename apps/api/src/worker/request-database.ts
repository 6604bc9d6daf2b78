import type { Database } from '@partner-center/db/portable'
import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The database of the request being served. workerd forbids using an I/O object (a socket) made
 * by one request from another, so the worker opens a client per request and the app, built once
 * per isolate, finds it here. Outside a request there is none, and asking is a defect.
 */
export interface RequestDatabase {
  /** Runs `serve` with `db` as the current request's database. */
  run<T>(db: Database, serve: () => T): T
  /** The current request's database; throws outside {@link RequestDatabase.run}. */
  current(): Database
}

/**
 * A {@link RequestDatabase} over AsyncLocalStorage (nodejs_compat), which follows every await
 * of the request, its `waitUntil` work included.
 *
 * @example
 * const requestDatabase = createRequestDatabase()
 * await requestDatabase.run(handle.db, () => app.fetch(request, env, ctx))
 */
export function createRequestDatabase(): RequestDatabase {
  const storage = new AsyncLocalStorage<Database>()
  return {
    run: (db, serve) => storage.run(db, serve),
    current() {
      const db = storage.getStore()
      if (!db) throw new Error('No request database: deps.db was read outside a request')
      return db
    },
  }
}

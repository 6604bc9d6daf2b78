// "@partner-center/db/portable": what the API's request path needs, and nothing that needs Node
// or PGlite (no `node:` module, no file system), so the worker bundle can hold it (issue 17).
// The full barrel "@partner-center/db" re-exports all of it beside the migrator and PGlite.
export { createPostgresDb } from './postgres-db'
export type { PostgresDbOptions } from './postgres-db'
export type { Database, DbHandle, Schema, Transaction } from './database'
export { getUniqueViolation, isTransientDbError, sqlStateOf } from './errors'
export { executeRows } from './execute-rows'
export type { ExecuteRowsOptions } from './execute-rows'
export { prepareSelect } from './prepare-select'
export type { BuiltSelect, PreparedSelect } from './prepare-select'
export { appliesFromSql, quoteStatuses, statusIn } from './status-guard'
export {
  DOUBLE_ASSOCIATIONS_SQL,
  groupDoubleAssociations,
} from './data-steps/identity/double-associations'
export type { DoubleAssociationRow } from './data-steps/identity/double-associations'
export * from './schema/index'

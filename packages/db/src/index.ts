// @partner-center/db: drizzle schema, the driver-blind database factory, the migrator and helpers
// for reading driver errors. The schema is also available alone as "@partner-center/db/schema".
export { createDb, DEFAULT_PGLITE_DIR } from './create-db'
export type { CreateDbOptions, Database, DbHandle, Schema, Transaction } from './create-db'
export { getUniqueViolation, isTransientDbError, sqlStateOf } from './errors'
export { executeRows } from './execute-rows'
export type { ExecuteRowsOptions } from './execute-rows'
export { prepareSelect } from './prepare-select'
export { appliesFromSql, quoteStatuses, statusIn } from './status-guard'
export type { BuiltSelect, PreparedSelect } from './prepare-select'
export { MIGRATION_LOCK_KEY, migrateDb } from './migrate-db'
export type { MigrateDbOptions, MigrateDbResult } from './migrate-db'
export { MIGRATIONS_FOLDER } from './migrations-folder'
export {
  DATA_STEPS,
  DOUBLE_ASSOCIATIONS_SQL,
  groupDoubleAssociations,
  identityCanonicalStep,
} from './data-steps/index'
export type { AppliedDataStep, DataStep, DoubleAssociationRow } from './data-steps/index'
export * from './schema/index'

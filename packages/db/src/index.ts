// @partner-center/db: drizzle schema, the driver-blind database factory, the migrator and helpers
// for reading driver errors. The schema is also available alone as "@partner-center/db/schema",
// and the Node-free part the request path uses as "@partner-center/db/portable".
export * from './portable'
export { createDb, DEFAULT_PGLITE_DIR } from './create-db'
export type { CreateDbOptions } from './create-db'
export { MIGRATION_LOCK_KEY, migrateDb } from './migrate-db'
export type { MigrateDbOptions, MigrateDbResult } from './migrate-db'
export { MIGRATIONS_FOLDER } from './migrations-folder'
export { DATA_STEPS, identityCanonicalStep } from './data-steps/index'
export type { AppliedDataStep, DataStep } from './data-steps/index'

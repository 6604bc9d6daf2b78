// Test helpers of @partner-center/db ("@partner-center/db/testing"); never used by production code.
export { createTestDatabase } from './create-test-database'
export type { CreateTestDatabaseOptions, TestDatabase } from './create-test-database'
export { BUSINESS_TABLES, countTableRows } from './count-table-rows'

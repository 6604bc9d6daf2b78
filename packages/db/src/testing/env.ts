/**
 * The PostgreSQL server integration tests create their databases on, or undefined to fall back
 * to in-memory PGlite. The only place this package reads `process.env`.
 */
export function readTestDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL
  return url && url.trim() !== '' ? url.trim() : undefined
}

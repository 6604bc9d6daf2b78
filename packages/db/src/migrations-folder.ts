import { fileURLToPath } from 'node:url'

/**
 * Absolute path of `packages/db/migrations`, resolved from this source file. Valid while the
 * package runs from source (tests, tools); the API bundle copies the folder beside itself and
 * passes that path to `migrateDb` instead.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url))

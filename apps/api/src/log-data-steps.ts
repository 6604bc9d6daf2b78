import type { MigrateDbResult } from '@partner-center/db'
import type { AppLogger } from './logging/app-logger'

/**
 * Logs the report of each data step this process applied. Only the process that applied a step
 * gets its report from `migrateDb` (the others find it recorded), so each report is logged once.
 * Reports hold counts, ids and masked values only (R77).
 */
export function logDataSteps(logger: AppLogger, result: MigrateDbResult): void {
  for (const step of result.dataSteps) {
    logger.info({ dataStep: step.name, report: step.report }, 'data step applied')
  }
}

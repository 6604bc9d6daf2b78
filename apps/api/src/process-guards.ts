import { isTransientDbError } from '@partner-center/db/portable'
import type { AppLogger } from './logging/app-logger'
import { errorLogFields } from './error-log-fields'

/**
 * True for errors that escape the postgres.js driver when a connection dies under it: a lost
 * connection's code (ECONNREFUSED, CONNECTION_CLOSED, 57P01, class 08, …) surfacing as an
 * unhandled rejection, or the driver's own late write on a closed socket (postgres.js 3.4.x
 * schedules a write with `setImmediate` after `closed()` set its socket to null, when a
 * transaction's rollback runs on a connection that just died). Our pnpm patch of 3.4.10
 * (porsager/postgres#1209) turns that write into a CONNECTION_CLOSED rejection; this guard stays
 * for a driver without it.
 */
export function isLostDatabaseConnection(error: unknown): boolean {
  if (isTransientDbError(error)) return true
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  return error instanceof TypeError && /postgres[\\/]src[\\/]connection\.js/.test(stack)
}

/**
 * Keeps an API or dispatcher process alive through a database restart (reliability suite,
 * docs/reliability.md): driver errors of a lost connection are logged and dropped, because the
 * pool reconnects and the work they belonged to already failed (503 `SYSTEM_BUSY`, or an outbox
 * row left to its lease). Anything else still ends the process, as Node would.
 */
export function surviveLostDatabaseConnections(logger: AppLogger): void {
  const handle = (error: unknown, origin: string) => {
    if (isLostDatabaseConnection(error)) {
      logger.warn(
        { origin, err: errorLogFields(error) },
        'lost database connection ignored; the pool reconnects'
      )
      return
    }
    // Allow-listed fields only, even here: a driver's message quotes statements and values (R77).
    logger.fatal({ err: errorLogFields(error), origin }, 'uncaught error')
    process.exit(1)
  }
  process.on('uncaughtException', (error) => handle(error, 'uncaughtException'))
  process.on('unhandledRejection', (reason) => handle(reason, 'unhandledRejection'))
}

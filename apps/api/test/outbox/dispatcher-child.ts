import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { PUBLIC_BASE_URL } from './outbox-fixtures'

// The built dispatcher run as a child process, so a test can SIGKILL it mid-run (R54, R116).

/** The dispatcher bundle the test command builds first. */
export const DISPATCHER_BUNDLE = fileURLToPath(new URL('../../dist/dispatcher.js', import.meta.url))

// The child's window: rows claimed and not yet settled, OUTBOX_BATCH_SIZE × OUTBOX_CLAIM_LOOPS.
const CHILD_BATCH_SIZE = 10
const CHILD_CLAIM_LOOPS = 2

/** How many rows a killed child can have sent without settling: the duplicates allowed. */
export const IN_FLIGHT_WINDOW = CHILD_BATCH_SIZE * CHILD_CLAIM_LOOPS

/**
 * Starts the built dispatcher on `databaseUrl`, sending to `smtpUrl`, with a small claim window
 * and `extraEnv` on top (e.g. `INVITATION_REMINDER_HOURS`).
 *
 * @example
 * const child = spawnDispatcher(database.url, sink.url)
 */
export function spawnDispatcher(
  databaseUrl: string,
  smtpUrl: string,
  extraEnv: Record<string, string> = {}
): ChildProcess {
  return spawn(process.execPath, [DISPATCHER_BUNDLE], {
    env: {
      APP_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      PUBLIC_BASE_URL,
      OUTBOX_BATCH_SIZE: String(CHILD_BATCH_SIZE),
      OUTBOX_CLAIM_LOOPS: String(CHILD_CLAIM_LOOPS),
      LOG_LEVEL: 'silent',
      ...extraEnv,
    },
    stdio: 'ignore',
  })
}

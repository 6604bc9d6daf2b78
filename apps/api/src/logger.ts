import pino from 'pino'
import { LOG_REDACT_CENSOR, LOG_REDACT_PATHS, type AppLogger } from './logging/app-logger'

/**
 * The JSON logger of the Node entry points: pino, with the redaction rules every logger shares
 * (`LOG_REDACT_PATHS`). Redaction is the last line of defence: handlers never log tokens, links,
 * passwords or unmasked customer values in the first place (domain.md R77).
 *
 * Lines go to standard output through a buffer of 4 KB, written when full and at least once a
 * second: a synchronous write per line was a system call on every request. pino flushes the
 * buffer synchronously when the process exits, including `process.exit` after a fatal error;
 * only a SIGKILL can lose the last second of lines.
 */
export function createLogger(options: { level: string; name: string }): AppLogger {
  const destination = pino.destination({
    dest: 1,
    sync: false,
    minLength: 4096,
    periodicFlush: 1000,
  })
  return pino(
    {
      name: options.name,
      level: options.level,
      redact: { paths: [...LOG_REDACT_PATHS], censor: LOG_REDACT_CENSOR },
    },
    destination
  )
}

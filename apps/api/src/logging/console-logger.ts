import {
  LOG_LEVELS,
  LOG_REDACT_PATHS,
  type AppLogger,
  type LogFields,
  type LogLevel,
} from './app-logger'
import { redactFields } from './redact-fields'

const SPLIT_PATHS = LOG_REDACT_PATHS.map((path) => path.split('.'))

/** Options of {@link createConsoleLogger}. */
export interface ConsoleLoggerOptions {
  level: LogLevel
  name: string
  /** Where a finished line goes; default `console.log` (Workers Logs reads it as JSON). */
  write?: (line: string) => void
}

function build(options: ConsoleLoggerOptions, bindings: LogFields, redact: boolean): AppLogger {
  const threshold = LOG_LEVELS[options.level]
  const write = options.write ?? ((line: string) => console.log(line))
  const log = (level: Exclude<LogLevel, 'silent'>) => (fields: LogFields, message: string) => {
    if (LOG_LEVELS[level] < threshold) return
    const shown = redact ? redactFields(fields, SPLIT_PATHS) : fields
    const line = {
      level: LOG_LEVELS[level],
      time: Date.now(),
      name: options.name,
      ...bindings,
      ...shown,
      msg: message,
    }
    write(JSON.stringify(line))
  }
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    fatal: log('fatal'),
    child: (more, childOptions) =>
      build(
        options,
        { ...bindings, ...(redact ? redactFields(more, SPLIT_PATHS) : more) },
        redact && childOptions?.redact?.length !== 0
      ),
  }
}

/**
 * The logger of runtimes without pino (the worker): pino's line shape (`level` as a number,
 * `time`, `name`, the fields, `msg`) written synchronously with `console.log`, so nothing is
 * buffered and nothing needs flushing after the response; the same redaction paths as pino's.
 *
 * @example
 * const logger = createConsoleLogger({ level: 'info', name: 'api' })
 * logger.info({ token: 'secret' }, 'example') // {"level":30,…,"token":"[redacted]","msg":"example"}
 */
export function createConsoleLogger(options: ConsoleLoggerOptions): AppLogger {
  return build(options, {}, true)
}

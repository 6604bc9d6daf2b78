/** Fields of one log line: plain JSON values, never raw tokens, links or unmasked contacts. */
export type LogFields = Record<string, unknown>

/** The levels both loggers know, with pino's numbers (a line's `level` field). */
export const LOG_LEVELS = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
} as const

/** A level name of {@link LOG_LEVELS}. */
export type LogLevel = keyof typeof LOG_LEVELS

/**
 * What the app and the dispatcher log through. pino's logger has this shape (the Node entries);
 * `createConsoleLogger` gives it on runtimes without pino (the worker). Both write one JSON line
 * per call and apply {@link LOG_REDACT_PATHS}.
 */
export interface AppLogger {
  debug(fields: LogFields, message: string): void
  info(fields: LogFields, message: string): void
  warn(fields: LogFields, message: string): void
  error(fields: LogFields, message: string): void
  fatal(fields: LogFields, message: string): void
  /**
   * A logger adding `bindings` to every line. `{ redact: [] }` turns redaction off, for lines
   * built only from fixed fields (the access log), where it would find nothing and cost CPU.
   */
  child(bindings: LogFields, options?: { redact?: string[] }): AppLogger
}

/**
 * The redaction rules of every logger (domain.md R77), in pino's path syntax: `*` is any one
 * key. Redaction is the last line of defence: handlers never log tokens, links, passwords or
 * unmasked customer values in the first place.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'authorization',
  'req.headers.authorization',
  '*.token',
  '*.password',
  '*.link',
  'token',
  'password',
  'link',
  // API keys and webhook signing secrets (R144).
  '*.key',
  '*.secret',
  'key',
  'secret',
]

/** What a redacted value is replaced with. */
export const LOG_REDACT_CENSOR = '[redacted]'

import { sqlStateOf } from '@partner-center/db/portable'

/** What an error line may say about an error: its class, a code and where it was thrown. */
export interface ErrorLogFields {
  /** The error's class name (`DrizzleQueryError`, `TypeError`), or the kind of a non-error. */
  type: string
  /** The SQLSTATE of a failed statement, else the error's own code when it is a plain identifier. */
  code?: string
  /** Up to 8 stack frames (code locations only: the first stack line, the message, is dropped). */
  frames?: string[]
}

const SAFE_NAME = /^[A-Za-z_$][\w$]{0,59}$/
const SAFE_CODE = /^[A-Z][A-Z0-9_]{1,40}$/
// A V8 frame: `at fn (file:///app/x.js:1:2)`, `at async fn (node:internal/x:1:2)` or
// `at /app/x.js:1:2`; a message line that merely starts with "at" does not end in a location.
const FRAME =
  /^at (?:async )?(?:[^()\n]{1,200} \()?(?:file:|node:|\/|[A-Za-z]:\\)[^()\s]{1,300}:\d+:\d+\)?$/

/**
 * The allow-listed fields of an error for a log line (R77): class, code and stack frames, never
 * the message, detail or parameters. A driver's message quotes the failed statement and its
 * parameters ("Failed query: … params: x@customer.example"), a PostgreSQL detail quotes the
 * conflicting key, and an SMTP reply can echo the recipient, so none of them is ever logged.
 *
 * @example
 * logger.error({ err: errorLogFields(error), requestId }, 'unhandled error')
 */
export function errorLogFields(error: unknown): ErrorLogFields {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown
    code?: unknown
    stack?: unknown
  }
  // drizzle's DrizzleQueryError keeps the name `Error`: its class says more.
  const className = (error as { constructor?: { name?: unknown } } | null)?.constructor?.name
  const named = record.name === 'Error' && typeof className === 'string' ? className : record.name
  const name = typeof named === 'string' && SAFE_NAME.test(named) ? named : null
  const ownCode =
    typeof record.code === 'string' && SAFE_CODE.test(record.code) ? record.code : undefined
  const code = sqlStateOf(error) ?? ownCode
  const message = error instanceof Error ? `${error.name}: ${error.message}` : ''
  const stack =
    typeof record.stack === 'string'
      ? record.stack.startsWith(message)
        ? record.stack.slice(message.length)
        : record.stack
      : ''
  const frames =
    stack !== ''
      ? stack
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => FRAME.test(line))
          .slice(0, 8)
      : []
  return {
    type: name ?? (error === null ? 'null' : typeof error),
    ...(code ? { code } : {}),
    ...(frames.length > 0 ? { frames } : {}),
  }
}

/**
 * What a process prints when it fails to start: the whole error (an operator needs "Invalid
 * environment: …" verbatim), except for a database error, whose message can quote a statement's
 * values (a data step's, or a seed's), which prints as {@link errorLogFields} only.
 *
 * @example
 * main().catch((error) => { console.error(startupFailureText(error)); process.exit(1) })
 */
export function startupFailureText(error: unknown): string {
  const fields = errorLogFields(error)
  if (sqlStateOf(error) !== null || fields.type === 'DrizzleQueryError')
    return `start-up failed: ${JSON.stringify(fields)}`
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

// Reading PostgreSQL errors from either driver. postgres.js throws `PostgresError` with
// `code` and `constraint_name`; PGlite throws a pg-protocol `DatabaseError` with `code` and
// `constraint`; drizzle 0.45 wraps both in `DrizzleQueryError` with the original as `cause`.

const UNIQUE_VIOLATION = '23505'

/** SQLSTATEs worth one retry or a 503 `SYSTEM_BUSY` (R69). */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '57014', // query_canceled (statement_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
])

/** postgres.js and Node socket codes meaning the connection was lost or never made. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
])

interface ErrorFields {
  code?: unknown
  constraint_name?: unknown
  constraint?: unknown
  cause?: unknown
}

/** The error and every `cause` below it, guarding against cycles. */
function* causeChain(error: unknown): Generator<ErrorFields> {
  const seen = new Set<unknown>()
  let current = error
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current)
    yield current
    current = (current as ErrorFields).cause
  }
}

/**
 * The name of the unique constraint (or unique index) a failed statement violated, or null when
 * the error is not a unique violation. Works for postgres.js and PGlite errors, also when wrapped
 * by drizzle. Compare the result with `UNIQUE_CONSTRAINTS` from the schema.
 *
 * @example
 * try {
 *   await tx.insert(associations).values(row)
 * } catch (error) {
 *   if (getUniqueViolation(error) !== UNIQUE_CONSTRAINTS.oneActiveAssociationPerCustomer) throw error
 *   return failure('ALREADY_ASSOCIATED')
 * }
 */
export function getUniqueViolation(error: unknown): string | null {
  for (const link of causeChain(error)) {
    if (link.code !== UNIQUE_VIOLATION) continue
    const name = link.constraint_name ?? link.constraint
    return typeof name === 'string' && name !== '' ? name : null
  }
  return null
}

/**
 * True when the error is a lock timeout, serialization failure, deadlock or lost connection:
 * the transaction changed nothing and the same request may be retried (R69: 503 `SYSTEM_BUSY`).
 */
export function isTransientDbError(error: unknown): boolean {
  for (const link of causeChain(error)) {
    const code = link.code
    if (typeof code !== 'string') continue
    if (TRANSIENT_SQLSTATES.has(code) || CONNECTION_CODES.has(code)) return true
    // Class 08: connection exceptions reported by the server.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true
  }
  return false
}

// A class of two characters (a digit first, or one of the lettered classes) and a subclass of
// three: Node's own codes such as `EPIPE` are not SQLSTATEs.
const SQLSTATE = /^(?:[0-9][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/

/**
 * The SQLSTATE of a failed statement (`23505`, `42703`, …) from postgres.js or PGlite, also when
 * wrapped by drizzle; null for any other error. A fixed five-character class code, so it may be
 * logged, unlike the driver's message, which quotes the statement and its parameters (R77).
 *
 * @example
 * sqlStateOf(new DrizzleQueryError(query, params, postgresError)) // its `code`, e.g. `42703`
 */
export function sqlStateOf(error: unknown): string | null {
  for (const link of causeChain(error)) {
    if (typeof link.code === 'string' && SQLSTATE.test(link.code)) return link.code
  }
  return null
}

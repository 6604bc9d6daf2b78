/**
 * Runs one parameterised statement on the migration transaction and answers its rows. The same
 * shape serves postgres.js (`tx.unsafe`) and PGlite (`tx.query`), so data steps are written once
 * in plain SQL and run on either driver, inside the transaction that holds the migration lock.
 *
 * Parameters are text, numbers or null; pass JSON through {@link jsonParam} and cast it with
 * `$n::text::jsonb` so neither driver re-encodes it.
 *
 * @example
 * const rows = await run('select id from users where email_canonical = $1', ['a@b.example'])
 */
export type RunSql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

/**
 * A value as one JSON text parameter, for `jsonb_to_recordset($1::text::jsonb)` bulk updates and
 * jsonb columns.
 *
 * @example
 * await run('insert into t (report) values ($1::text::jsonb)', [jsonParam({ counts: 1 })])
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value)
}

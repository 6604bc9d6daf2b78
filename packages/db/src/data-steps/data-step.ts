import type { RunSql } from './sql-runner'

/** What a data step gets: the migration transaction and the one `now` of the run (R5). */
export interface DataStepContext {
  run: RunSql
  now: Date
}

/**
 * A one-off change of existing rows, applied once per database after the SQL migrations and
 * under the same advisory lock (R81). It answers its report: counts, ids and masked values only
 * (R77), stored in `data_steps.report` and logged once by the process that applied it.
 *
 * @example
 * const step: DataStep = { name: '2026-12-identity', run: async ({ run, now }) => ({ changed: 0 }) }
 */
export interface DataStep {
  /** Unique, never reused: the `data_steps` row that records the step is keyed by it. */
  name: string
  run: (context: DataStepContext) => Promise<Record<string, unknown>>
}

/** One step applied by {@link applyPendingDataSteps}, with its report. */
export interface AppliedDataStep {
  name: string
  report: Record<string, unknown>
}

/**
 * Applies every step of `steps` not yet recorded in `data_steps`, in order, on the caller's
 * transaction (which already holds the migration lock), and records each with its report. A
 * failing step throws and the caller's transaction rolls back: nothing is half applied.
 */
export async function applyPendingDataSteps(
  run: RunSql,
  steps: readonly DataStep[],
  now: Date
): Promise<AppliedDataStep[]> {
  if (steps.length === 0) return []
  const done = new Set((await run('select name from data_steps')).map((row) => String(row.name)))
  const applied: AppliedDataStep[] = []
  for (const step of steps) {
    if (done.has(step.name)) continue
    const report = await step.run({ run, now })
    await run(
      'insert into data_steps (name, applied_at, report) values ($1, $2::text::timestamptz, $3::text::jsonb)',
      [step.name, now.toISOString(), JSON.stringify(report)]
    )
    applied.push({ name: step.name, report })
  }
  return applied
}

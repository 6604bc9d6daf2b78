import { jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { timestamptz } from './columns'

/**
 * One-off data steps applied after the SQL migrations, under the same advisory lock (R81). A row
 * is written in the step's own transaction, so a step runs exactly once per database; `report`
 * holds its counts, ids and masked values only (R77), never raw contact data.
 */
export const dataSteps = pgTable('data_steps', {
  name: text('name').primaryKey(),
  appliedAt: timestamptz('applied_at').notNull(),
  report: jsonb('report').$type<Record<string, unknown>>().notNull().default({}),
})

/** A row of {@link dataSteps} as read. */
export type DataStepRow = typeof dataSteps.$inferSelect

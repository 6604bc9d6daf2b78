import type postgres from 'postgres'

/**
 * The row count of every public table, plus the sum of all rate-limit counters: a request that
 * "changes nothing" leaves this snapshot equal.
 */
export async function countRowsOfEveryTable(sql: postgres.Sql) {
  const tables = await sql<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = 'public' order by 1`
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from "${name}"`)
    counts[name] = row?.n ?? 0
  }
  const [hits] = await sql<{ n: string | null }[]>`
    select coalesce(sum(count), 0)::text as n from rate_limit_counters`
  counts['rate_limit_counters.sum(count)'] = Number(hits?.n ?? 0)
  return counts
}

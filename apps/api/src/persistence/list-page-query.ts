import type { Database, PreparedSelect } from '@partner-center/db/portable'
import { filterValuesOf, shapeOf, type ListFilterShape, type ListPageOptions } from './list-filter'

/** The two prepared statements of one list filter shape: the page and its total. */
export interface PreparedListPage<Row extends { total: string }> {
  page: PreparedSelect<Row>
  total: { execute(values: Record<string, unknown>): Promise<{ n: number }[]> }
}

/**
 * A list-page query on prepared statements: the lists are the busiest reads, and building their
 * SQL on every request cost more CPU than running it. Each filter shape (which conditions it
 * has; values travel as placeholders) is prepared once per database handle, under the name
 * `<prefix>_<n>`, by `prepare`, and reused. The page carries the total on each row; past the last
 * page the total has no row to ride on, so it is counted separately.
 */
export function createListPageQuery<Row extends { total: string }>(
  prefix: string,
  prepare: (db: Database, shape: ListFilterShape, name: string) => PreparedListPage<Row>
) {
  const byDatabase = new WeakMap<Database, Map<string, PreparedListPage<Row>>>()
  function preparedFor(db: Database, options: ListPageOptions): PreparedListPage<Row> {
    const { shape, key } = shapeOf(options)
    let byShape = byDatabase.get(db)
    if (!byShape) byDatabase.set(db, (byShape = new Map<string, PreparedListPage<Row>>()))
    let prepared = byShape.get(key)
    if (!prepared) {
      prepared = prepare(db, shape, `${prefix}_${byShape.size}`)
      byShape.set(key, prepared)
    }
    return prepared
  }
  return async function findListPage(
    db: Database,
    options: ListPageOptions
  ): Promise<{ rows: Row[]; total: number }> {
    const prepared = preparedFor(db, options)
    const values = filterValuesOf(options)
    const rows = await prepared.page.execute({
      ...values,
      limit: options.limit,
      offset: options.offset,
    })
    const total =
      rows.length > 0
        ? Number(rows[0]?.total)
        : options.offset > 0
          ? Number((await prepared.total.execute(values))[0]?.n ?? 0)
          : 0
    return { rows, total }
  }
}

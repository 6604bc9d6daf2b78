import { Column, getTableName, is, SQL, type DriverValueDecoder } from 'drizzle-orm'

/** One selected value: where it goes in the row object and how its driver value is decoded. */
interface Leaf {
  path: string[]
  /** The table of a column leaf, for drizzle's left-join rule; null for sql`` leaves. */
  table: string | null
  /** Null when the value is used as the driver gives it (text, uuid, booleans…). */
  decode: ((value: unknown) => unknown) | null
}

// `decoder` (set by `.mapWith()`) is marked internal in drizzle's types; it is what drizzle's own
// mapper reads, and the tests compare both mappers' rows.
const decoderOfSql = (query: SQL) =>
  (query as unknown as { decoder: DriverValueDecoder<unknown, unknown> }).decoder

// Columns that do not override it hand the driver value through untouched.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only compared, never called
const passThrough = Column.prototype.mapFromDriverValue

function leafOf(path: string[], field: unknown): Leaf | null {
  if (is(field, Column)) {
    const decode =
      field.mapFromDriverValue === passThrough ? null : field.mapFromDriverValue.bind(field)
    return { path, table: getTableName(field.table), decode }
  }
  const query = is(field, SQL) ? field : is(field, SQL.Aliased) ? field.sql : null
  if (!query) return null
  const decoder = decoderOfSql(query)
  return { path, table: null, decode: decoder.mapFromDriverValue.bind(decoder) }
}

/**
 * The leaves of a selection in the order drizzle writes them into the SQL: depth first, in key
 * order, as its `orderSelectedFields` does.
 */
function leavesOf(fields: Record<string, unknown>, prefix: string[] = []): Leaf[] {
  return Object.entries(fields).flatMap(([name, field]): Leaf[] => {
    const path = [...prefix, name]
    const leaf = leafOf(path, field)
    if (leaf) return [leaf]
    if (
      field !== null &&
      typeof field === 'object' &&
      Object.getPrototypeOf(field) === Object.prototype
    ) {
      return leavesOf(field as Record<string, unknown>, path)
    }
    throw new TypeError(
      `prepareSelect: "${path.join('.')}" is not a column, sql\`\` or object of them`
    )
  })
}

interface Branch {
  children: Map<string, Branch | number>
}

/**
 * The top-level objects drizzle turns into null (its `mapResultRow`): all columns of one
 * left-joined table, whose first column came back null. Maps each to that first column's index.
 */
function nullableObjects(leaves: Leaf[], nullable: Record<string, boolean>): Map<string, number> {
  const objects = new Map<string, { first: number; table: string | null }>()
  leaves.forEach(({ path, table }, index) => {
    if (path.length !== 2) return
    const [name = ''] = path
    const seen = objects.get(name)
    if (!seen) objects.set(name, { first: index, table })
    else if (seen.table !== table) seen.table = null
  })
  const result = new Map<string, number>()
  for (const [name, { first, table }] of objects) {
    if (table !== null && nullable[table] === false) result.set(name, first)
  }
  return result
}

function treeOf(leaves: Leaf[]): Branch {
  const root: Branch = { children: new Map() }
  leaves.forEach(({ path }, index) => {
    let branch = root
    path.slice(0, -1).forEach((key) => {
      let next = branch.children.get(key)
      if (typeof next !== 'object') branch.children.set(key, (next = { children: new Map() }))
      branch = next
    })
    branch.children.set(path.at(-1) ?? '', index)
  })
  return root
}

/**
 * Compiles the function that turns the driver's array rows of a select into drizzle's row
 * objects. It is generated source, one object literal per row shape: every decoder call site
 * then sees one column type, and every row object one shape, which V8 optimises far better than
 * a loop over the fields (drizzle's mapper cost more than our whole handler on the customer list).
 * The source holds only indexes and JSON-quoted keys from our own field objects.
 */
export function compileRowMapper(
  fields: Record<string, unknown>,
  nullable: Record<string, boolean>
): (rows: unknown[][]) => Record<string, unknown>[] {
  const leaves = leavesOf(fields)
  const nullAt = nullableObjects(leaves, nullable)
  const valueSource = (index: number) =>
    leaves[index]?.decode
      ? `(v[${index}] === null ? null : d[${index}](v[${index}]))`
      : `v[${index}]`
  const objectSource = (branch: Branch, depth: number): string => {
    const entries = [...branch.children].map(([key, child]) => {
      const source = typeof child === 'number' ? valueSource(child) : objectSource(child, depth + 1)
      const first = depth === 0 ? nullAt.get(key) : undefined
      const guarded = first === undefined ? source : `(v[${first}] === null ? null : ${source})`
      return `${JSON.stringify(key)}: ${guarded}`
    })
    return `{ ${entries.join(', ')} }`
  }
  type Decoders = Leaf['decode'][]
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from our own field names, see above
  const factory = new Function(
    'd',
    `return function mapRow(v) { return ${objectSource(treeOf(leaves), 0)} }`
  ) as (decoders: Decoders) => (values: unknown[]) => Record<string, unknown>
  const mapRow = factory(leaves.map((leaf) => leaf.decode))
  return (rows) => rows.map(mapRow)
}

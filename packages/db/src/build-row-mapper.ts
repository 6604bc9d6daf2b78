import { Column, getTableName, is, SQL, type DriverValueDecoder } from 'drizzle-orm'

/** Turns one raw driver value into the row's value; null when the value is used as given. */
type Decode = ((value: unknown) => unknown) | null

/**
 * One key of a row object, in the order drizzle writes it: either a selected value (`index` into
 * the driver's array row, with its decoder) or a nested object (`object`).
 */
interface Step {
  key: string
  index: number
  decode: Decode
  object: ObjectPlan | null
  /**
   * For a top-level object drizzle may null (a left-joined table's columns): the key, inside
   * that object, of the column whose null value nulls the whole object.
   */
  nullWhenNull: string | null
}

/** How one object of the row is built: its keys in insertion order. */
interface ObjectPlan {
  steps: Step[]
  /**
   * An object with the same keys in the same order, all null. Each row's object starts as a
   * copy of it: V8 clones its hidden class whole instead of adding the keys one transition at a
   * time, and the stores that follow only overwrite.
   */
  template: Record<string, unknown>
}

function addStep(plan: ObjectPlan, step: Step) {
  plan.steps.push(step)
  plan.template[step.key] = null
}

/** One selected value as drizzle orders them (`orderSelectedFields`): depth first, key order. */
interface Leaf {
  path: string[]
  /** The table of a column leaf, for drizzle's left-join rule; null for sql`` leaves. */
  table: string | null
  decode: Decode
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

/**
 * drizzle's left-join rule (its `mapResultRow`), decided once per field list: a top-level object
 * is nulled when the first column directly inside it is null, all columns directly inside it
 * belong to one table, and the select's join map does not mark that table as always present.
 * sql`` fields and deeper objects take no part in the decision. Maps the object's key to the key
 * of that first column.
 */
function nullableObjects(
  leaves: Leaf[],
  nullable: Record<string, boolean> | undefined
): Map<string, string> {
  const objects = new Map<string, { first: string; table: string | null }>()
  for (const { path, table } of leaves) {
    if (table === null || path.length !== 2) continue
    const [name = '', key = ''] = path
    const seen = objects.get(name)
    if (!seen) objects.set(name, { first: key, table })
    else if (seen.table !== table) seen.table = null
  }
  const result = new Map<string, string>()
  if (!nullable) return result
  for (const [name, { first, table }] of objects) {
    if (table !== null && !nullable[table]) result.set(name, first)
  }
  return result
}

function planOf(leaves: Leaf[], nullAt: Map<string, string>): ObjectPlan {
  const root: ObjectPlan = { steps: [], template: {} }
  leaves.forEach(({ path, decode }, index) => {
    let plan = root
    path.slice(0, -1).forEach((key, depth) => {
      let object = plan.steps.find((candidate) => candidate.key === key)?.object
      if (!object) {
        object = { steps: [], template: {} }
        const nullWhenNull = depth === 0 ? (nullAt.get(key) ?? null) : null
        addStep(plan, { key, index: -1, decode: null, object, nullWhenNull })
      }
      plan = object
    })
    addStep(plan, { key: path.at(-1) ?? '', index, decode, object: null, nullWhenNull: null })
  })
  return root
}

/** Builds one object of a row from the driver's array row. Hot: no allocation but the object. */
function buildObject(plan: ObjectPlan, values: unknown[]): Record<string, unknown> {
  const result = { ...plan.template }
  for (const step of plan.steps) {
    if (step.object === null) {
      const raw = values[step.index]
      result[step.key] = raw === null || step.decode === null ? raw : step.decode(raw)
    } else {
      const inner = buildObject(step.object, values)
      result[step.key] =
        step.nullWhenNull !== null && inner[step.nullWhenNull] === null ? null : inner
    }
  }
  return result
}

/**
 * Builds, once per field list, the function that turns the driver's array rows of a select into
 * drizzle's row objects. Plain closures over a precomputed plan (each key's index, decoder and
 * nested object), so it runs where code generation is refused (workerd throws an EvalError at
 * request time). Each row's objects get their keys in the same order every time, so every row
 * shares one hidden class; drizzle's mapper instead re-inspects every field of every row (a
 * sixth of the API's CPU on the customer list).
 */
export function buildRowMapper(
  fields: Record<string, unknown>,
  nullable: Record<string, boolean> | undefined
): (rows: unknown[][]) => Record<string, unknown>[] {
  const leaves = leavesOf(fields)
  const plan = planOf(leaves, nullableObjects(leaves, nullable))
  return (rows) => rows.map((values) => buildObject(plan, values))
}

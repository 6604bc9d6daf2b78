import { isJsonObject, type JsonObject } from './json-types'
import { enumOf, shapeOf, typesOf, type SchemaShape } from './schema-shape'

/**
 * Which way a schema's data flows. A request schema may only widen (every body a client could
 * send must still be accepted); a response schema may only narrow (every field a client reads must
 * still come, with a type it already handles).
 */
export type Direction = 'request' | 'response'

/** The two documents a schema pair comes from, and the way its data flows. */
export interface SchemaContext {
  oldDocument: JsonObject
  newDocument: JsonObject
  direction: Direction
}

// Bounds a request may not tighten: a raised lower bound or a lowered upper bound refuses a value
// the last release accepted.
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties']
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties']
// Keywords whose appearance or change on a request refuses values the last release accepted.
const RESTRICTIONS = ['pattern', 'format', 'multipleOf']

const accepts = (types: Set<string>, type: string) =>
  types.has(type) || (type === 'integer' && types.has('number'))

/** `string | null`; `any` for a schema that names no type. */
function typeText(types: Set<string> | null): string {
  if (types === null) return 'any'
  const order = (type: string) => (type === 'null' ? 1 : 0)
  return [...types].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).join(' | ')
}

/** Whether every value of type set `inner` is allowed by type set `outer`. */
function allowsAll(outer: Set<string> | null, inner: Set<string> | null): boolean {
  if (outer === null) return true
  if (inner === null) return false
  return [...inner].every((type) => accepts(outer, type))
}

/** Whether two type sets share a non-null type: if not, their keywords have nothing to compare. */
function overlap(a: Set<string> | null, b: Set<string> | null): boolean {
  if (a === null || b === null) return true
  const nonNull = [...a].filter((type) => type !== 'null')
  if (nonNull.length === 0) return true
  return nonNull.some((type) => accepts(b, type) || (type === 'number' && b.has('integer')))
}

const shown = (value: unknown) =>
  value === undefined ? 'none' : typeof value === 'string' ? value : JSON.stringify(value)

/** Tightened bounds and new or changed restrictions of a request schema. */
function requestRestrictions(old: JsonObject, next: JsonObject, location: string): string[] {
  const breaks: string[] = []
  for (const key of LOWER_BOUNDS) {
    const [was, now] = [old[key], next[key]]
    if (typeof now === 'number' && (typeof was !== 'number' || now > was)) {
      breaks.push(`${location}: ${key} ${shown(was)} → ${now}`)
    }
  }
  for (const key of UPPER_BOUNDS) {
    const [was, now] = [old[key], next[key]]
    if (typeof now === 'number' && (typeof was !== 'number' || now < was)) {
      breaks.push(`${location}: ${key} ${shown(was)} → ${now}`)
    }
  }
  for (const key of RESTRICTIONS) {
    if (next[key] !== undefined && JSON.stringify(next[key]) !== JSON.stringify(old[key])) {
      breaks.push(`${location}: ${key} ${shown(old[key])} → ${shown(next[key])}`)
    }
  }
  if (next.uniqueItems === true && old.uniqueItems !== true) {
    breaks.push(`${location}: uniqueItems none → true`)
  }
  return breaks
}

/** Literal values a request no longer accepts, or a response's enum left out (a widening). */
function enumBreaks(direction: Direction, old: SchemaShape, next: SchemaShape, location: string) {
  if (direction === 'response') return []
  const [was, now] = [enumOf(old), enumOf(next)]
  if (now === null) return []
  if (was === null) return [`${location}: any value → only ${now.join(', ')}`]
  const removed = was.filter((value) => !now.includes(value))
  return removed.length > 0 ? [`${location}: enum value ${removed.join(', ')} removed`] : []
}

/** Names of the `required` list of a schema. */
const requiredOf = (schema: JsonObject) =>
  new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])

/**
 * The changes of one schema pair that break a consumer of the last release, each as
 * `location: what changed` (`requestBody.emails[].email: maxLength 254 → 100`). Follows `$ref`s of
 * both documents, nested ones too; a recursive schema is compared once per pair of references.
 *
 * @example
 * compareSchemas(
 *   { oldDocument: {}, newDocument: {}, direction: 'request' },
 *   { type: 'string', maxLength: 254 },
 *   { type: 'string', maxLength: 100 },
 *   'POST /api/v1/invitations requestBody.email'
 * ) // ['POST /api/v1/invitations requestBody.email: maxLength 254 → 100']
 */
export function compareSchemas(
  context: SchemaContext,
  oldSchema: unknown,
  newSchema: unknown,
  location: string
): string[] {
  return compareShapes(
    context,
    shapeOf(context.oldDocument, oldSchema),
    shapeOf(context.newDocument, newSchema),
    location,
    new Set()
  )
}

function compareShapes(
  context: SchemaContext,
  old: SchemaShape,
  next: SchemaShape,
  location: string,
  comparing: Set<string>
): string[] {
  // A schema that contains itself (a tree) would recurse forever; the pair already being compared
  // further up this path has nothing new to report here.
  const pair =
    old.refs.length > 0 && next.refs.length > 0 ? `${old.refs.join()}|${next.refs.join()}` : null
  if (pair !== null && comparing.has(pair)) return []
  if (pair !== null) comparing.add(pair)
  try {
    return shapeBreaks(context, old, next, location, comparing)
  } finally {
    if (pair !== null) comparing.delete(pair)
  }
}

function shapeBreaks(
  context: SchemaContext,
  old: SchemaShape,
  next: SchemaShape,
  location: string,
  comparing: Set<string>
): string[] {
  const { direction } = context
  const nested = (a: unknown, b: unknown, at: string) =>
    compareShapes(
      context,
      shapeOf(context.oldDocument, a),
      shapeOf(context.newDocument, b),
      at,
      comparing
    )
  const breaks: string[] = []
  const [oldTypes, newTypes] = [typesOf(old), typesOf(next)]
  const typesHold =
    direction === 'request' ? allowsAll(newTypes, oldTypes) : allowsAll(oldTypes, newTypes)
  if (!typesHold) breaks.push(`${location}: type ${typeText(oldTypes)} → ${typeText(newTypes)}`)
  if (!overlap(oldTypes, newTypes)) return breaks

  if (old.variants.length > 0 || next.variants.length > 0) {
    if (old.variants.length === next.variants.length) {
      old.variants.forEach((variant, index) => {
        const other = next.variants[index]
        if (other)
          breaks.push(
            ...compareShapes(context, variant, other, `${location}(anyOf[${index}])`, comparing)
          )
      })
    } else if (direction === 'request' && next.variants.length < old.variants.length) {
      breaks.push(
        `${location}: union of ${old.variants.length} schemas → ${next.variants.length || 1}`
      )
    }
    return breaks
  }

  breaks.push(...enumBreaks(direction, old, next, location))
  if (direction === 'request')
    breaks.push(...requestRestrictions(old.schema, next.schema, location))
  else if (old.schema.format !== undefined && next.schema.format !== old.schema.format) {
    breaks.push(`${location}: format ${shown(old.schema.format)} → ${shown(next.schema.format)}`)
  }

  const oldProperties = isJsonObject(old.schema.properties) ? old.schema.properties : {}
  const newProperties = isJsonObject(next.schema.properties) ? next.schema.properties : {}
  const [oldRequired, newRequired] = [requiredOf(old.schema), requiredOf(next.schema)]
  for (const [name, schema] of Object.entries(oldProperties)) {
    const at = `${location}.${name}`
    if (!(name in newProperties)) {
      breaks.push(`${at}: removed`)
      continue
    }
    if (direction === 'response' && oldRequired.has(name) && !newRequired.has(name)) {
      breaks.push(`${at}: no longer required`)
    }
    breaks.push(...nested(schema, newProperties[name], at))
  }
  if (direction === 'request') {
    for (const name of newRequired) {
      if (oldRequired.has(name)) continue
      breaks.push(
        `${location}.${name}: ${name in oldProperties ? 'now required' : 'new required field'}`
      )
    }
  }

  const [oldExtra, newExtra] = [old.schema.additionalProperties, next.schema.additionalProperties]
  if (direction === 'request' && newExtra === false && oldExtra !== false) {
    breaks.push(`${location}: additionalProperties ${shown(oldExtra)} → false`)
  } else if (
    oldExtra !== false &&
    newExtra !== false &&
    (isJsonObject(oldExtra) || isJsonObject(newExtra))
  ) {
    // Absent or `true` allows anything: compared as the empty schema.
    breaks.push(
      ...nested(
        isJsonObject(oldExtra) ? oldExtra : {},
        isJsonObject(newExtra) ? newExtra : {},
        `${location}{}`
      )
    )
  }
  if (isJsonObject(old.schema.propertyNames) || isJsonObject(next.schema.propertyNames)) {
    breaks.push(
      ...nested(old.schema.propertyNames ?? {}, next.schema.propertyNames ?? {}, `${location}{key}`)
    )
  }

  if (isJsonObject(old.schema.items) || isJsonObject(next.schema.items)) {
    breaks.push(...nested(old.schema.items ?? {}, next.schema.items ?? {}, `${location}[]`))
  }
  if (Array.isArray(old.schema.prefixItems) && Array.isArray(next.schema.prefixItems)) {
    const nextItems = next.schema.prefixItems as unknown[]
    old.schema.prefixItems.forEach((item, index) => {
      breaks.push(...nested(item, nextItems[index] ?? {}, `${location}[${index}]`))
    })
  }
  return breaks
}

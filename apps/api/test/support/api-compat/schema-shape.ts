import { isJsonObject, type JsonObject } from './json-types'
import { resolveRef } from './resolve-ref'

/**
 * A JSON Schema reduced to what a compatibility check reads: references followed, `allOf` merged,
 * and a union with `null` (`anyOf: [X, { type: 'null' }]`, how zod may write `.nullable()`) folded
 * into X with `null` among its types. A union of several non-null members keeps them as variants.
 */
export interface SchemaShape {
  schema: JsonObject
  /** The `$ref`s followed to reach the schema; a recursive schema is compared once per pair. */
  refs: string[]
  /** The non-null members of a union of two or more; empty for any other schema. */
  variants: SchemaShape[]
  nullable: boolean
}

const isNullOnly = (shape: SchemaShape) =>
  shape.variants.length === 0 &&
  (shape.schema.type === 'null' ||
    (Array.isArray(shape.schema.type) && shape.schema.type.every((type) => type === 'null')))

/** `allOf` as one schema: properties and `required` joined, other keywords first one wins. */
function mergeAllOf(document: JsonObject, schema: JsonObject): JsonObject {
  const { allOf, ...base } = schema
  const parts = (allOf as unknown[]).map((part) => shapeOf(document, part).schema)
  const merged: JsonObject = { ...base }
  const properties: JsonObject = { ...(isJsonObject(base.properties) ? base.properties : {}) }
  const required = new Set<unknown>(Array.isArray(base.required) ? base.required : [])
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isJsonObject(value)) Object.assign(properties, value)
      else if (key === 'required' && Array.isArray(value))
        value.forEach((name) => required.add(name))
      else if (!(key in merged)) merged[key] = value
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties
  if (required.size > 0) merged.required = [...required]
  return merged
}

/**
 * The shape of a schema inside its document.
 *
 * @example
 * shapeOf(document, { anyOf: [{ type: 'string' }, { type: 'null' }] })
 * // { schema: { type: 'string' }, refs: [], variants: [], nullable: true }
 */
export function shapeOf(document: JsonObject, value: unknown): SchemaShape {
  const { node, refs } = resolveRef(document, value)
  const schema = Array.isArray(node.allOf) ? mergeAllOf(document, node) : node
  const members = schema.anyOf ?? schema.oneOf
  const nullable = schema.nullable === true
  if (!Array.isArray(members)) return { schema, refs, variants: [], nullable }
  const rest = Object.fromEntries(
    Object.entries(schema).filter(([key]) => key !== 'anyOf' && key !== 'oneOf')
  )
  const shapes = members.map((member) => shapeOf(document, member))
  const nonNull = shapes.filter((shape) => !isNullOnly(shape))
  const withNull = nullable || nonNull.length < shapes.length
  const [only] = nonNull
  if (nonNull.length === 1 && only) {
    return {
      schema: { ...rest, ...only.schema },
      refs: [...refs, ...only.refs],
      variants: only.variants,
      nullable: withNull || only.nullable,
    }
  }
  return { schema: rest, refs, variants: nonNull, nullable: withNull }
}

/** The JSON type of a literal value, as JSON Schema names it. */
function typeOfValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/**
 * The literal values a schema allows (`enum`, or `const` as one value), as JSON texts; null when
 * it names none.
 *
 * @example
 * enumOf({ schema: { enum: ['A', 'B'] }, refs: [], variants: [], nullable: false }) // ['"A"', '"B"']
 */
export function enumOf(shape: SchemaShape): string[] | null {
  if (Array.isArray(shape.schema.enum))
    return shape.schema.enum.map((value) => JSON.stringify(value))
  if ('const' in shape.schema) return [JSON.stringify(shape.schema.const)]
  return null
}

/**
 * The JSON types a schema allows, `null` included when it is nullable; null means any type (no
 * `type`, no `enum`).
 *
 * @example
 * typesOf(shapeOf(document, { type: ['string', 'null'] })) // Set { 'string', 'null' }
 */
export function typesOf(shape: SchemaShape): Set<string> | null {
  let types: Set<string> | null
  if (shape.variants.length > 0) {
    const each = shape.variants.map(typesOf)
    types = each.some((set) => set === null)
      ? null
      : new Set(each.flatMap((set) => [...(set ?? [])]))
  } else if (typeof shape.schema.type === 'string') {
    types = new Set([shape.schema.type])
  } else if (Array.isArray(shape.schema.type)) {
    types = new Set(shape.schema.type.filter((type): type is string => typeof type === 'string'))
  } else {
    const values = Array.isArray(shape.schema.enum)
      ? shape.schema.enum
      : 'const' in shape.schema
        ? [shape.schema.const]
        : null
    types = values ? new Set(values.map(typeOfValue)) : null
  }
  if (types && shape.nullable) types.add('null')
  return types
}

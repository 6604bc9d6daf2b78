import fc from 'fast-check'

/** The parts of an OpenAPI 3.1 document the generator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, JsonSchema> }
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  security?: unknown[]
}

/** A JSON Schema node as zod-openapi writes it. */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  format?: string
  pattern?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
}

/** One operation of the document. */
export interface Operation {
  method: string
  path: string
  pathParams: string[]
  query: { name: string; schema: JsonSchema }[]
  headers: { name: string; schema: JsonSchema }[]
  body: JsonSchema | null
  secured: boolean
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = []
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? []
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema })),
        headers: params
          .filter((p) => p.in === 'header')
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json']?.schema ?? null,
        secured: Array.isArray(op.security) && op.security.length > 0,
      })
    }
  }
  return out
}

/** Strings that have broken parsers before: control characters, unicode, injections. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\r\nBcc: victim@example.com',
  "'; drop table invitations; --",
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '👩‍💻 Dev',
  '阿尔法科技',
  '\u202e\u2028\u2029\u0085',
  'a'.repeat(5000),
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor'
)

const junkJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 60 }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
  fc.constant({ __proto__: { admin: true } }),
  fc.constant({ constructor: { prototype: { polluted: true } } })
)

function resolve(schema: JsonSchema, doc: OpenApiDocument): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) ?? ''
    return resolve(doc.components.schemas[name] ?? {}, doc)
  }
  return schema
}

/** Real values of the run the generator mixes in, so requests reach rows that exist. */
export interface KnownValues {
  /** Ids of rows (pre-registrations, invitations, batches, partners): any string may get one. */
  ids: readonly string[]
  /**
   * Invitation link tokens: only `token` fields get one, where a client sends them. In a free
   * text field (a customer's display name) the product would store the string as that customer
   * chose it, and the run's scan would then rightly find a secret in the database.
   */
  tokens: readonly string[]
}

/**
 * Values near the schema: mostly valid shapes with boundary and hostile leaves, sometimes junk,
 * so the generator reaches the inner rules, not only the schema check. `field` is the name of
 * the property the value is for, if any.
 */
export function valueOf(
  raw: JsonSchema,
  doc: OpenApiDocument,
  known: KnownValues,
  depth = 0,
  field?: string
): fc.Arbitrary<unknown> {
  const schema = resolve(raw, doc)
  const options: fc.Arbitrary<unknown>[] = []
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) options.push(...variants.map((v) => valueOf(v, doc, known, depth + 1, field)))
  if (schema.enum) options.push(fc.constantFrom(...schema.enum))
  if (schema.const !== undefined) options.push(fc.constant(schema.const))
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  for (const type of types) {
    if (type === 'null') options.push(fc.constant(null))
    if (type === 'boolean') options.push(fc.boolean())
    if (type === 'integer' || type === 'number') {
      options.push(
        fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 1000, 1e6) }),
        fc.constantFrom(0, -1, (schema.maximum ?? 100) + 1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5)
      )
    }
    if (type === 'string') {
      options.push(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 50 }),
        fc.constantFrom(...known.ids, ...(field === 'token' ? known.tokens : [])),
        nasty
      )
      if (schema.format === 'uuid' || /uuid|id$/i.test(schema.pattern ?? ''))
        options.push(fc.uuid())
      if (schema.format === 'email') options.push(fc.emailAddress())
      if (schema.format === 'date-time')
        options.push(fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())))
    }
    if (type === 'array' && depth < 4) {
      const item = schema.items ? valueOf(schema.items, doc, known, depth + 1) : junkJson
      options.push(
        fc.array(item, {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 8, 8),
        }),
        fc.array(item, { minLength: 99, maxLength: 120 })
      )
    }
    if (type === 'object' && depth < 4) {
      const props = schema.properties ?? {}
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, prop] of Object.entries(props))
        record[name] = valueOf(prop, doc, known, depth + 1, name)
      options.push(
        fc.record(record, { requiredKeys: schema.required ?? [] }),
        fc.record(record, { requiredKeys: [] }),
        fc
          .tuple(
            fc.record(record, { requiredKeys: schema.required ?? [] }),
            fc.string({ maxLength: 10 }),
            junkJson
          )
          .map(([base, key, value]) => ({ ...base, [key || 'extra']: value }))
      )
    }
  }
  if (options.length === 0) options.push(junkJson)
  return fc.oneof(
    { weight: 8, arbitrary: fc.oneof(...options) },
    { weight: 1, arbitrary: junkJson }
  )
}

/** One generated request. */
export interface GeneratedRequest {
  operation: string
  method: string
  path: string
  headers: Record<string, string>
  /** A JSON value, or a raw body string when `raw` is set. */
  body?: unknown
  raw?: string
  auth: string
}

/**
 * Requests for one operation: path parameters from known ids and hostile strings, query
 * parameters from their schemas (or junk), a body near the schema or a broken one, and one of
 * the given credentials.
 */
export function requestsFor(
  operation: Operation,
  doc: OpenApiDocument,
  known: KnownValues,
  auths: readonly string[]
): fc.Arbitrary<GeneratedRequest> {
  const pathValue = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known.ids) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: nasty },
    { weight: 1, arbitrary: fc.string({ maxLength: 120 }) }
  )
  const pathParams = fc.tuple(...operation.pathParams.map(() => pathValue))
  const query = fc.array(
    fc.oneof(
      ...(operation.query.length
        ? operation.query.map((q) =>
            valueOf(q.schema, doc, known).map(
              (v) => [q.name, typeof v === 'string' ? v : JSON.stringify(v)] as const
            )
          )
        : []),
      fc.tuple(
        fc.constantFrom('reveal', 'q', 'status', 'page', 'x', '__proto__'),
        fc.oneof(fc.string({ maxLength: 30 }), nasty)
      )
    ),
    { maxLength: 4 }
  )
  const headers = fc.record(
    Object.fromEntries(
      operation.headers.map((h) => [
        h.name,
        fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), nasty),
      ])
    ),
    { requiredKeys: [] }
  )
  const rawBodies = fc.constantFrom(
    '{',
    '{"a":',
    'null',
    '[]',
    '"x"',
    'not json',
    '\u0000',
    '{"customerName":'
  )
  const body = operation.body
    ? fc.oneof(
        { weight: 6, arbitrary: valueOf(operation.body, doc, known).map((v) => ({ body: v })) },
        { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
        { weight: 1, arbitrary: junkJson.map((v) => ({ body: v })) }
      )
    : operation.method === 'GET'
      ? fc.constant({})
      : fc.oneof(
          { weight: 5, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: junkJson.map((v) => ({ body: v })) }
        )
  return fc
    .record({ params: pathParams, query, headers, body, auth: fc.constantFrom(...auths) })
    .map(({ params, query: pairs, headers: hs, body: b, auth }) => {
      let path = operation.path
      operation.pathParams.forEach((name, i) => {
        path = path.replace(`{${name}}`, encodeURIComponent(String(params[i] ?? '')))
      })
      const search = new URLSearchParams()
      for (const [k, v] of pairs) search.append(k, String(v))
      const qs = search.toString()
      const cleanHeaders: Record<string, string> = {}
      for (const [k, v] of Object.entries(hs)) {
        // fetch refuses header values with control characters; the server never sees those.
        if (typeof v === 'string' && /^[\x20-\x7e]*$/.test(v)) cleanHeaders[k] = v
      }
      return {
        operation: `${operation.method} ${operation.path}`,
        method: operation.method,
        path: qs ? `${path}?${qs}` : path,
        headers: cleanHeaders,
        ...b,
        auth,
      }
    })
}

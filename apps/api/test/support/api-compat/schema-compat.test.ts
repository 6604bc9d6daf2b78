import { describe, expect, it } from 'vitest'
import type { JsonObject } from './json-types'
import { compareSchemas, type Direction } from './schema-compat'

/** Compares two inline schemas (or ones referring to each document's components) at `body`. */
function breaks(
  direction: Direction,
  oldSchema: unknown,
  newSchema: unknown,
  components: { old?: JsonObject; next?: JsonObject } = {}
) {
  return compareSchemas(
    {
      oldDocument: { components: { schemas: components.old ?? {} } },
      newDocument: { components: { schemas: components.next ?? {} } },
      direction,
    },
    oldSchema,
    newSchema,
    'body'
  )
}

const object = (properties: JsonObject, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
})

describe('response schemas: what a client reads must still come, as it knew it', () => {
  it('reports a removed field and a field no longer required, nested in arrays', () => {
    const before = object({
      items: { type: 'array', items: object({ id: { type: 'string' }, name: { type: 'string' } }) },
    })
    const after = object({
      items: { type: 'array', items: object({ name: { type: 'string' } }, []) },
    })
    expect(breaks('response', before, after)).toEqual([
      'body.items[].id: removed',
      'body.items[].name: no longer required',
    ])
  })

  it('reports a changed type and a field that may now be null', () => {
    const before = object({ count: { type: 'integer' }, at: { type: 'string' } })
    const after = object({ count: { type: 'string' }, at: { type: ['string', 'null'] } })
    expect(breaks('response', before, after)).toEqual([
      'body.count: type integer → string',
      'body.at: type string → string | null',
    ])
  })

  it('reads `anyOf: [X, null]` as a nullable X', () => {
    const before = object({ at: { type: 'string' } })
    const after = object({ at: { anyOf: [{ type: 'string' }, { type: 'null' }] } })
    expect(breaks('response', before, after)).toEqual(['body.at: type string → string | null'])
  })

  it('reports a removed format, which a client may parse by', () => {
    const before = object({ at: { type: 'string', format: 'date-time' } })
    expect(breaks('response', before, object({ at: { type: 'string' } }))).toEqual([
      'body.at: format date-time → none',
    ])
  })

  it('accepts additions and narrowings: new fields, enum values, nullable → not null, number → integer', () => {
    const before = object({
      status: { type: 'string', enum: ['A', 'B'] },
      at: { type: ['string', 'null'] },
      amount: { type: 'number' },
    })
    const after = object({
      status: { type: 'string', enum: ['A', 'B', 'C'] },
      at: { type: 'string' },
      amount: { type: 'integer' },
      added: { type: 'boolean' },
    })
    expect(breaks('response', before, after)).toEqual([])
  })

  it('follows $refs on both sides, nested ones too, and reports the location through them', () => {
    const oldComponents = {
      Page: object({ items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } }),
      Item: object({ owner: { $ref: '#/components/schemas/User' } }),
      User: object({ id: { type: 'string' }, email: { type: 'string' } }),
    }
    const newComponents = {
      ...oldComponents,
      User: object({ id: { type: 'string' } }),
    }
    expect(
      breaks(
        'response',
        { $ref: '#/components/schemas/Page' },
        { $ref: '#/components/schemas/Page' },
        {
          old: oldComponents,
          next: newComponents,
        }
      )
    ).toEqual(['body.items[].owner.email: removed'])
  })

  it('compares a recursive schema without looping', () => {
    const tree = (childRequired: boolean) => ({
      Node: object(
        {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
        childRequired ? ['name', 'children'] : ['name']
      ),
    })
    expect(
      breaks(
        'response',
        { $ref: '#/components/schemas/Node' },
        { $ref: '#/components/schemas/Node' },
        {
          old: tree(true),
          next: tree(false),
        }
      )
    ).toEqual(['body.children: no longer required'])
  })

  it('reports a record whose values widened to any type', () => {
    const before = { type: 'object', additionalProperties: { type: 'string' } }
    expect(breaks('response', before, { type: 'object' })).toEqual(['body{}: type string → any'])
  })
})

describe('request schemas: every body the last release accepted must still be accepted', () => {
  it('reports a new required field, a field now required, and a removed field', () => {
    const before = object({ name: { type: 'string' }, note: { type: 'string' } }, ['name'])
    const after = object(
      { name: { type: 'string' }, note: { type: 'string' }, locale: { type: 'string' } },
      ['name', 'note', 'locale']
    )
    expect(breaks('request', before, after)).toEqual([
      'body.note: now required',
      'body.locale: new required field',
    ])
    expect(breaks('request', before, object({ name: { type: 'string' } }, ['name']))).toEqual([
      'body.note: removed',
    ])
  })

  it('reports tighter bounds, with the location inside arrays', () => {
    const email = (constraints: JsonObject) =>
      object({
        emails: { type: 'array', items: object({ email: { type: 'string', ...constraints } }) },
      })
    expect(
      breaks(
        'request',
        email({ minLength: 3, maxLength: 254 }),
        email({ minLength: 5, maxLength: 100 })
      )
    ).toEqual(['body.emails[].email: minLength 3 → 5', 'body.emails[].email: maxLength 254 → 100'])
    const page = (constraints: JsonObject) => object({ page: { type: 'integer', ...constraints } })
    expect(breaks('request', page({ minimum: 1 }), page({ minimum: 1, maximum: 50 }))).toEqual([
      'body.page: maximum none → 50',
    ])
    const ids = (constraints: JsonObject) =>
      object({ ids: { type: 'array', items: { type: 'string' }, ...constraints } })
    expect(breaks('request', ids({ maxItems: 100 }), ids({ minItems: 1, maxItems: 10 }))).toEqual([
      'body.ids: minItems none → 1',
      'body.ids: maxItems 100 → 10',
    ])
  })

  it('reports a new or changed pattern or format', () => {
    expect(
      breaks(
        'request',
        { type: 'string' },
        { type: 'string', pattern: '^[a-z]+$', format: 'email' }
      )
    ).toEqual(['body: pattern none → ^[a-z]+$', 'body: format none → email'])
    expect(
      breaks('request', { type: 'string', pattern: '^a' }, { type: 'string', pattern: '^b' })
    ).toEqual(['body: pattern ^a → ^b'])
  })

  it('reports a removed enum value and an enum where any value was accepted', () => {
    const role = (values?: string[]) =>
      object({ role: { type: 'string', ...(values ? { enum: values } : {}) } })
    expect(breaks('request', role(['A', 'B', 'C']), role(['A']))).toEqual([
      'body.role: enum value "B", "C" removed',
    ])
    expect(breaks('request', role(), role(['A']))).toEqual(['body.role: any value → only "A"'])
  })

  it('reports a changed type, a type that no longer accepts null, and number → integer', () => {
    const before = object({
      a: { type: 'string' },
      b: { type: ['string', 'null'] },
      c: { type: 'number' },
    })
    const after = object({ a: { type: 'integer' }, b: { type: 'string' }, c: { type: 'integer' } })
    expect(breaks('request', before, after)).toEqual([
      'body.a: type string → integer',
      'body.b: type string | null → string',
      'body.c: type number → integer',
    ])
  })

  it('reports refusing extra properties it used to accept', () => {
    expect(
      breaks('request', { type: 'object' }, { type: 'object', additionalProperties: false })
    ).toEqual(['body: additionalProperties none → false'])
  })

  it('reports fewer members of a union', () => {
    const before = { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] }
    const after = { anyOf: [{ type: 'string' }, { type: 'integer' }] }
    expect(breaks('request', before, after)).toEqual([
      'body: type boolean | integer | string → integer | string',
      'body: union of 3 schemas → 2',
    ])
  })

  it('accepts widenings and additions: looser bounds, new optional fields, null, more enum values', () => {
    const before = object(
      {
        name: { type: 'string', minLength: 2, maxLength: 100, pattern: '^x' },
        role: { type: 'string', enum: ['A'] },
        count: { type: 'integer', maximum: 10 },
      },
      ['name', 'role']
    )
    const after = object(
      {
        name: { type: ['string', 'null'], maxLength: 200 },
        role: { type: 'string', enum: ['A', 'B'] },
        count: { type: 'number' },
        note: { type: 'string' },
      },
      ['name']
    )
    expect(breaks('request', before, after)).toEqual([])
  })
})

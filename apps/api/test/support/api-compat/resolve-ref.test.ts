import { describe, expect, it } from 'vitest'
import { resolveRef } from './resolve-ref'

const document = {
  components: {
    schemas: {
      Id: { type: 'string', format: 'uuid' },
      Alias: { $ref: '#/components/schemas/Id' },
      'a/b': { type: 'integer' },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop' },
    },
  },
}

describe('resolveRef', () => {
  it('follows a chain of references, the outer siblings winning, and names the way it went', () => {
    expect(resolveRef(document, { $ref: '#/components/schemas/Alias', description: 'x' })).toEqual({
      node: { type: 'string', format: 'uuid', description: 'x' },
      refs: ['#/components/schemas/Alias', '#/components/schemas/Id'],
    })
  })

  it('answers an inline node as it is, and decodes escaped pointer parts', () => {
    expect(resolveRef(document, { type: 'boolean' })).toEqual({
      node: { type: 'boolean' },
      refs: [],
    })
    expect(resolveRef(document, { $ref: '#/components/schemas/a~1b' }).node).toEqual({
      type: 'integer',
    })
  })

  it('throws on a reference to nothing, a loop and a remote reference', () => {
    expect(() => resolveRef(document, { $ref: '#/components/schemas/Gone' })).toThrow(
      /names nothing/
    )
    expect(() => resolveRef(document, { $ref: '#/components/schemas/Loop' })).toThrow(
      /reference loop/
    )
    expect(() => resolveRef(document, { $ref: 'other.json#/x' })).toThrow(/only local references/)
  })
})

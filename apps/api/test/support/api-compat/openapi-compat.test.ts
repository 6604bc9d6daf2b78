import { describe, expect, it } from 'vitest'
import type { JsonObject } from './json-types'
import { compareOpenApiDocuments } from './openapi-compat'

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } })
const errorBody = { $ref: '#/components/schemas/ErrorBody' }

/** The object at a path of keys inside a document (an array index is a key too). */
function at(root: JsonObject, ...keys: string[]): JsonObject {
  return keys.reduce<JsonObject>((node, key) => node[key] as JsonObject, root)
}

/** A small document shaped like the one the API serves: two paths, components, ErrorBody. */
function document(change?: (doc: JsonObject) => void): JsonObject {
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    components: {
      schemas: {
        ErrorBody: {
          type: 'object',
          properties: {
            error: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
          },
          required: ['error'],
        },
        Invite: {
          type: 'object',
          properties: {
            emails: {
              type: 'array',
              items: {
                type: 'object',
                properties: { email: { type: 'string', maxLength: 254 } },
                required: ['email'],
              },
            },
          },
          required: ['emails'],
          additionalProperties: false,
        },
        Batch: {
          type: 'object',
          properties: { batchId: { type: 'string', format: 'uuid' }, queued: { type: 'integer' } },
          required: ['batchId', 'queued'],
        },
      },
    },
    paths: {
      '/api/v1/invitations': {
        post: {
          security: [{ bearer: [] }],
          requestBody: { required: true, ...json({ $ref: '#/components/schemas/Invite' }) },
          responses: {
            202: { description: 'queued', ...json({ $ref: '#/components/schemas/Batch' }) },
            400: { description: 'error', ...json(errorBody) },
          },
        },
      },
      '/api/v1/batches/{id}': {
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'pageSize',
              in: 'query',
              required: false,
              schema: { type: 'integer', maximum: 100 },
            },
          ],
          responses: {
            200: { description: 'ok', ...json({ $ref: '#/components/schemas/Batch' }) },
          },
        },
        delete: { responses: { 204: { description: 'gone' } } },
      },
    },
  }
  change?.(doc)
  return doc
}

describe('compareOpenApiDocuments', () => {
  it('finds nothing between a document and itself', () => {
    expect(compareOpenApiDocuments(document(), document())).toEqual([])
  })

  it('reports a removed path and a removed operation', () => {
    const next = document((doc) => {
      delete at(doc, 'paths')['/api/v1/invitations']
      delete at(doc, 'paths', '/api/v1/batches/{id}').delete
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([
      '/api/v1/invitations: path removed',
      'DELETE /api/v1/batches/{id}: operation removed',
    ])
  })

  it('reports a tighter request field inside a referenced component, with its location', () => {
    const next = document((doc) => {
      const email = ['Invite', 'properties', 'emails', 'items', 'properties', 'email']
      at(doc, 'components', 'schemas', ...email).maxLength = 100
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([
      'POST /api/v1/invitations requestBody.emails[].email: maxLength 254 → 100',
    ])
  })

  it('reports a removed response field, once per operation that answers it', () => {
    const next = document((doc) => {
      delete at(doc, 'components', 'schemas', 'Batch', 'properties').queued
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([
      'POST /api/v1/invitations response 202.queued: removed',
      'GET /api/v1/batches/{id} response 200.queued: removed',
    ])
  })

  it('reports a change of the shared error body under every error answer', () => {
    const next = document((doc) => {
      at(doc, 'components', 'schemas', 'ErrorBody', 'properties', 'error').required = []
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([
      'POST /api/v1/invitations response 400.error.code: no longer required',
    ])
  })

  it('reports a new required parameter, a parameter now required, a removed one and a tighter one', () => {
    const next = document((doc) => {
      at(doc, 'paths', '/api/v1/batches/{id}', 'get').parameters = [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        { name: 'locale', in: 'query', required: true, schema: { type: 'string' } },
      ]
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([
      'GET /api/v1/batches/{id} path.id: format none → uuid',
      'GET /api/v1/batches/{id} query.pageSize: removed',
      'GET /api/v1/batches/{id} query.locale: new required parameter',
    ])
    const required = document((doc) => {
      const pageSize = at(doc, 'paths', '/api/v1/batches/{id}', 'get', 'parameters', '1')
      pageSize.required = true
      at(pageSize, 'schema').maximum = 50
    })
    expect(compareOpenApiDocuments(document(), required)).toEqual([
      'GET /api/v1/batches/{id} query.pageSize: maximum 100 → 50',
      'GET /api/v1/batches/{id} query.pageSize: now required',
    ])
  })

  it('reports a removed success answer but not a removed error answer', () => {
    const next = document((doc) => {
      const responses = at(doc, 'paths', '/api/v1/invitations', 'post', 'responses')
      delete responses[202]
      delete responses[400]
      responses[201] = { description: 'created', ...json({ $ref: '#/components/schemas/Batch' }) }
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([
      'POST /api/v1/invitations response 202: removed',
    ])
  })

  it('reports a body that became required and stricter security', () => {
    const before = document((doc) => {
      at(doc, 'paths', '/api/v1/invitations', 'post', 'requestBody').required = false
    })
    const next = document((doc) => {
      at(doc, 'paths', '/api/v1/batches/{id}', 'get').security = [{ bearer: [] }]
    })
    expect(compareOpenApiDocuments(before, next)).toEqual([
      'POST /api/v1/invitations requestBody: now required',
      'GET /api/v1/batches/{id}: security none → bearer',
    ])
  })

  it('breaks nothing with additions: paths, operations, optional fields, responses, renamed {id}', () => {
    const next = document((doc) => {
      const paths = at(doc, 'paths')
      const batch = at(paths, '/api/v1/batches/{id}')
      delete paths['/api/v1/batches/{id}']
      paths['/api/v1/batches/{batchId}'] = batch
      at(batch, 'get', 'parameters', '0').name = 'batchId'
      batch.post = { responses: {} }
      paths['/api/v1/health'] = { get: { responses: {} } }
      at(doc, 'components', 'schemas', 'Invite', 'properties').note = { type: 'string' }
      at(doc, 'components', 'schemas', 'Batch', 'properties').sent = { type: 'integer' }
      const invite = at(paths, '/api/v1/invitations', 'post')
      at(invite, 'responses')[429] = { description: 'slow', ...json(errorBody) }
      invite.security = []
    })
    expect(compareOpenApiDocuments(document(), next)).toEqual([])
  })
})

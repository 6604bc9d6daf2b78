import { isJsonObject, objectAt, type JsonObject } from './json-types'
import { resolveRef } from './resolve-ref'
import { compareSchemas, type SchemaContext } from './schema-compat'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** A path template with its parameter names blanked: `/a/{id}` and `/a/{batchId}` are one URL. */
const urlShape = (path: string) => path.replace(/\{[^}]*\}/g, '{}')

/** The position of each `{name}` of a path template, keyed by name. */
const pathParameterPositions = (path: string) =>
  new Map([...path.matchAll(/\{([^}]*)\}/g)].map((match, index) => [match[1] ?? '', index]))

interface Parameter {
  /** What identifies the parameter across versions: `query:page`, or `path:#0` by position. */
  key: string
  label: string
  required: boolean
  schema: unknown
}

/** An operation's parameters (path-level ones included, the operation's own winning). */
function parametersOf(
  document: JsonObject,
  path: string,
  pathItem: JsonObject,
  operation: JsonObject
) {
  const positions = pathParameterPositions(path)
  const byKey = new Map<string, Parameter>()
  const lists = [pathItem.parameters, operation.parameters].map((list): unknown[] =>
    Array.isArray(list) ? list : []
  )
  for (const raw of lists.flat()) {
    const { node } = resolveRef(document, raw)
    const where = String(node.in)
    const name = String(node.name)
    // Path parameters match by position (a renamed `{id}` is the same URL); header names are
    // case-insensitive; query and cookie names are not.
    const key =
      where === 'path'
        ? `path:#${positions.get(name) ?? name}`
        : `${where}:${where === 'header' ? name.toLowerCase() : name}`
    byKey.set(key, {
      key,
      label: `${where}.${name}`,
      required: node.required === true,
      schema: node.schema,
    })
  }
  return byKey
}

/** Security alternatives of an operation as sets of scheme names; `[]` in the list means none needed. */
function securityOf(document: JsonObject, operation: JsonObject): string[][] {
  const list = Array.isArray(operation.security) ? operation.security : document.security
  if (!Array.isArray(list) || list.length === 0) return [[]]
  return list.map((alternative) => Object.keys(isJsonObject(alternative) ? alternative : {}).sort())
}

/** Whether every way a client could call before still satisfies one of the new alternatives. */
function securityHolds(old: string[][], next: string[][]): boolean {
  return old.every((had) => next.some((needs) => needs.every((scheme) => had.includes(scheme))))
}

const contentLabel = (type: string) => (type === 'application/json' ? '' : ` (${type})`)

function compareOperation(
  documents: { old: JsonObject; next: JsonObject },
  at: { name: string; oldPath: string; newPath: string },
  items: { oldItem: JsonObject; newItem: JsonObject; old: JsonObject; next: JsonObject }
): string[] {
  const { old: oldDocument, next: newDocument } = documents
  const request: SchemaContext = { oldDocument, newDocument, direction: 'request' }
  const response: SchemaContext = { ...request, direction: 'response' }
  const breaks: string[] = []

  if (!securityHolds(securityOf(oldDocument, items.old), securityOf(newDocument, items.next))) {
    const text = (alternatives: string[][]) =>
      alternatives.map((names) => names.join(' + ') || 'none').join(' or ')
    breaks.push(
      `${at.name}: security ${text(securityOf(oldDocument, items.old))} → ${text(securityOf(newDocument, items.next))}`
    )
  }

  const oldParameters = parametersOf(oldDocument, at.oldPath, items.oldItem, items.old)
  const newParameters = parametersOf(newDocument, at.newPath, items.newItem, items.next)
  for (const [key, was] of oldParameters) {
    const now = newParameters.get(key)
    if (!now) breaks.push(`${at.name} ${was.label}: removed`)
    else breaks.push(...compareSchemas(request, was.schema, now.schema, `${at.name} ${was.label}`))
  }
  for (const [key, now] of newParameters) {
    const was = oldParameters.get(key)
    if (now.required && !was) breaks.push(`${at.name} ${now.label}: new required parameter`)
    else if (now.required && was && !was.required)
      breaks.push(`${at.name} ${now.label}: now required`)
  }

  const oldBody =
    items.old.requestBody === undefined ? null : resolveRef(oldDocument, items.old.requestBody).node
  const newBody =
    items.next.requestBody === undefined
      ? null
      : resolveRef(newDocument, items.next.requestBody).node
  if (newBody?.required === true && oldBody?.required !== true) {
    breaks.push(`${at.name} requestBody: ${oldBody ? 'now required' : 'new required body'}`)
  }
  for (const [type, media] of Object.entries(objectAt(oldBody, 'content'))) {
    const other = objectAt(newBody, 'content')[type]
    const where = `${at.name} requestBody${contentLabel(type)}`
    if (!isJsonObject(other)) breaks.push(`${where}: removed`)
    else
      breaks.push(
        ...compareSchemas(request, objectAt(media, 'schema'), objectAt(other, 'schema'), where)
      )
  }

  const newResponses = objectAt(items.next, 'responses')
  for (const [status, raw] of Object.entries(objectAt(items.old, 'responses'))) {
    const was = resolveRef(oldDocument, raw).node
    const where = `${at.name} response ${status}`
    if (!(status in newResponses)) {
      // A client relies on the success answers it was promised; an error status no longer
      // answered is one its handler simply never sees.
      if (status.startsWith('2')) breaks.push(`${where}: removed`)
      continue
    }
    const now = resolveRef(newDocument, newResponses[status]).node
    for (const [type, media] of Object.entries(objectAt(was, 'content'))) {
      const other = objectAt(now, 'content')[type]
      const place = `${where}${contentLabel(type)}`
      if (!isJsonObject(other)) breaks.push(`${place}: removed`)
      else
        breaks.push(
          ...compareSchemas(response, objectAt(media, 'schema'), objectAt(other, 'schema'), place)
        )
    }
  }
  return breaks
}

/**
 * Every change from the last released OpenAPI document to the new one that breaks a client of
 * the release, as `location: what changed`: a removed path or operation, a removed or no longer
 * required response field, a changed type, a narrowed request (new required field, parameter or
 * body, removed enum value, tighter bounds or pattern, a field no longer accepted) or stricter
 * security. Additions break nothing. Paths match by URL, so renaming `{id}` is no change.
 *
 * @example
 * compareOpenApiDocuments(released, served)
 * // ['POST /api/v1/admin/partners/{id} requestBody.contactEmail: maxLength 254 → 100']
 */
export function compareOpenApiDocuments(old: JsonObject, next: JsonObject): string[] {
  const newPaths = new Map(
    Object.entries(objectAt(next, 'paths')).map(([path, item]) => [urlShape(path), { path, item }])
  )
  const breaks: string[] = []
  for (const [oldPath, rawItem] of Object.entries(objectAt(old, 'paths'))) {
    const oldItem = resolveRef(old, rawItem).node
    const found = newPaths.get(urlShape(oldPath))
    if (!found) {
      breaks.push(`${oldPath}: path removed`)
      continue
    }
    const newItem = resolveRef(next, found.item).node
    for (const method of METHODS) {
      if (!isJsonObject(oldItem[method])) continue
      const name = `${method.toUpperCase()} ${oldPath}`
      if (!isJsonObject(newItem[method])) {
        breaks.push(`${name}: operation removed`)
        continue
      }
      breaks.push(
        ...compareOperation(
          { old, next },
          { name, oldPath, newPath: found.path },
          { oldItem, newItem, old: oldItem[method], next: newItem[method] }
        )
      )
    }
  }
  return breaks
}

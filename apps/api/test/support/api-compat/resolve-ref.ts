import { isJsonObject, type JsonObject } from './json-types'

/** A node of an OpenAPI document with its `$ref`s followed, and the references it went through. */
export interface Resolved {
  node: JsonObject
  /** The `$ref`s followed to reach `node`, outermost first; empty when the node was inline. */
  refs: string[]
}

/** The value a local JSON pointer (`#/components/schemas/Me`) names inside a document. */
function pointerTarget(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, not ${ref}`)
  return ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (isJsonObject(node) ? node[key] : undefined), document)
}

/**
 * Follows a node's `$ref` (and the target's own `$ref`, and so on) into the document's components.
 * OpenAPI 3.1 lets a `$ref` carry sibling keywords; they apply on top of the target, so they win.
 * Throws on a reference that names nothing or a loop of references that never reaches a schema.
 *
 * @example
 * resolveRef(document, { $ref: '#/components/schemas/Me' }).node.type // 'object'
 */
export function resolveRef(document: JsonObject, value: unknown): Resolved {
  let node: JsonObject = isJsonObject(value) ? value : {}
  const refs: string[] = []
  while (typeof node.$ref === 'string') {
    const ref = node.$ref
    if (refs.includes(ref)) throw new Error(`reference loop: ${[...refs, ref].join(' → ')}`)
    const target = pointerTarget(document, ref)
    if (!isJsonObject(target)) throw new Error(`reference ${ref} names nothing in the document`)
    refs.push(ref)
    const siblings = Object.fromEntries(Object.entries(node).filter(([key]) => key !== '$ref'))
    node = { ...target, ...siblings }
  }
  return { node, refs }
}

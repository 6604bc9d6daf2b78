/** A JSON object as parsed from a snapshot or served by the API. */
export type JsonObject = Record<string, unknown>

/**
 * Whether a JSON value is an object (not an array, not null).
 *
 * @example
 * isJsonObject({ a: 1 }) // true
 * isJsonObject([1]) // false
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The object under a key, or an empty one when the key is absent or holds something else.
 *
 * @example
 * objectAt({ paths: { '/a': {} } }, 'paths') // { '/a': {} }
 */
export function objectAt(value: unknown, key: string): JsonObject {
  const found = isJsonObject(value) ? value[key] : undefined
  return isJsonObject(found) ? found : {}
}

import { format, resolveConfig } from 'prettier'
import { isJsonObject } from './json-types'

/**
 * A copy of a JSON value with every object's keys in code-point order, so a snapshot written twice
 * from the same API is the same bytes and a diff between two versions shows only what changed.
 * Arrays keep their order: `parameters`, `required` and `enum` come out of the schemas in a
 * deterministic order, and the comparators read them as sets anyway.
 *
 * @example
 * JSON.stringify(sortKeysDeep({ b: 1, a: { d: 2, c: 3 } })) // '{"a":{"c":3,"d":2},"b":1}'
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (!isJsonObject(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((key) => [key, sortKeysDeep(value[key])])
  )
}

/**
 * The text of a snapshot file: sorted keys, formatted by prettier with the workspace's settings
 * for that path, so `pnpm format:check` accepts the file as written.
 *
 * @example
 * await snapshotText({ b: 1, a: 2 }, '/repo/packages/domain/api-snapshots/0.2.0.json') // '{ "a": 2, "b": 1 }\n'
 */
export async function snapshotText(value: unknown, filePath: string): Promise<string> {
  const options = (await resolveConfig(filePath)) ?? {}
  return format(JSON.stringify(sortKeysDeep(value), null, 2), { ...options, filepath: filePath })
}

import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { snapshotText, sortKeysDeep } from './stable-json'

describe('stable snapshot JSON', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    const value = { b: [{ z: 1, a: 2 }, 3], a: { y: null, x: 'x' } }
    expect(JSON.stringify(sortKeysDeep(value))).toBe(
      '{"a":{"x":"x","y":null},"b":[{"a":2,"z":1},3]}'
    )
  })

  it('writes the same text for the same value in any key order, as prettier formats it', async () => {
    // A path inside the workspace, so prettier resolves the workspace's settings for it.
    const path = fileURLToPath(new URL('./never-written.json', import.meta.url))
    const one = await snapshotText({ b: ['x', 'y'], a: { d: 1, c: 2 } }, path)
    const two = await snapshotText({ a: { c: 2, d: 1 }, b: ['x', 'y'] }, path)
    expect(one).toBe(two)
    expect(one).toBe('{\n  "a": {\n    "c": 2,\n    "d": 1\n  },\n  "b": ["x", "y"]\n}\n')
  })
})

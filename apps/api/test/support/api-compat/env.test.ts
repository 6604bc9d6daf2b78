import { describe, expect, it } from 'vitest'
import { readApiCompatEnv } from './env'

describe('readApiCompatEnv', () => {
  it('writes missing snapshots only when WRITE_API_SNAPSHOTS is 1', () => {
    expect(readApiCompatEnv({})).toEqual({ writeMissingSnapshots: false })
    expect(readApiCompatEnv({ WRITE_API_SNAPSHOTS: '' })).toEqual({ writeMissingSnapshots: false })
    expect(readApiCompatEnv({ WRITE_API_SNAPSHOTS: '1' })).toEqual({ writeMissingSnapshots: true })
  })

  it('refuses another value rather than silently only checking', () => {
    expect(() => readApiCompatEnv({ WRITE_API_SNAPSHOTS: 'true' })).toThrow(/must be 1 or unset/)
  })
})

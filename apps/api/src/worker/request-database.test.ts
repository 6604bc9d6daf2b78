import type { Database } from '@partner-center/db/portable'
import { describe, expect, it } from 'vitest'
import { createRequestDatabase } from './request-database'

const fakeDb = (name: string) => ({ name }) as unknown as Database

describe('the request database of the worker', () => {
  it('answers each concurrent request its own database across awaits', async () => {
    const requestDatabase = createRequestDatabase()
    const serve = (name: string, delayMs: number) =>
      requestDatabase.run(fakeDb(name), async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs))
        return (requestDatabase.current() as unknown as { name: string }).name
      })
    expect(await Promise.all([serve('a', 20), serve('b', 5), serve('c', 10)])).toEqual([
      'a',
      'b',
      'c',
    ])
  })

  it('refuses to answer outside a request', () => {
    expect(() => createRequestDatabase().current()).toThrow('outside a request')
  })
})

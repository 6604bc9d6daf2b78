import { describe, expect, it } from 'vitest'
import { isLostDatabaseConnection } from './process-guards'

describe('isLostDatabaseConnection', () => {
  it('recognises lost-connection codes of postgres.js, Node and the server', () => {
    for (const code of [
      'ECONNREFUSED',
      'CONNECTION_CLOSED',
      'CONNECTION_ENDED',
      '57P01',
      '08006',
    ]) {
      expect(isLostDatabaseConnection(Object.assign(new Error('x'), { code }))).toBe(true)
    }
  })

  it("recognises the driver's late write on a closed socket", () => {
    const error = new TypeError("Cannot read properties of null (reading 'write')")
    error.stack = `${error.message}\n    at nextWrite (file:///x/node_modules/postgres/src/connection.js:255:22)`
    expect(isLostDatabaseConnection(error)).toBe(true)
  })

  it('leaves every other error to end the process', () => {
    expect(isLostDatabaseConnection(new TypeError('undefined is not a function'))).toBe(false)
    expect(isLostDatabaseConnection(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false)
    expect(isLostDatabaseConnection('boom')).toBe(false)
  })
})

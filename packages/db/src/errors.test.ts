import { DrizzleQueryError } from 'drizzle-orm/errors'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { getUniqueViolation, isTransientDbError, sqlStateOf } from './errors'

function postgresJsError(fields: Record<string, string>) {
  // postgres.js copies the server's fields onto the error; its constructor takes that object.
  return new postgres.PostgresError(fields as unknown as string)
}

/** Shape of PGlite's pg-protocol DatabaseError. */
function pgliteError(code: string, constraint?: string) {
  return Object.assign(new Error('duplicate key value violates unique constraint'), {
    code,
    constraint,
  })
}

describe('getUniqueViolation', () => {
  it('reads constraint_name from a postgres.js unique violation', () => {
    const error = postgresJsError({ code: '23505', constraint_name: 'outbox_dedupe_key_uq' })
    expect(getUniqueViolation(error)).toBe('outbox_dedupe_key_uq')
  })

  it('reads constraint from a PGlite unique violation', () => {
    expect(getUniqueViolation(pgliteError('23505', 'users_email_canonical_uq'))).toBe(
      'users_email_canonical_uq'
    )
  })

  it('follows the cause chain of an error wrapped by drizzle', () => {
    const cause = pgliteError('23505', 'associations_one_active_per_customer_uq')
    const wrapped = new DrizzleQueryError('insert into "associations" …', [], cause)
    const outer = new Error('use case failed', { cause: wrapped })
    expect(getUniqueViolation(outer)).toBe('associations_one_active_per_customer_uq')
  })

  it('returns null for other errors, non-errors and cyclic causes', () => {
    const cyclic: { code: string; cause?: unknown } = { code: '23503' }
    cyclic.cause = cyclic
    expect(getUniqueViolation(pgliteError('23503', 'some_fk'))).toBeNull()
    expect(getUniqueViolation(new Error('boom'))).toBeNull()
    expect(getUniqueViolation('23505')).toBeNull()
    expect(getUniqueViolation(null)).toBeNull()
    expect(getUniqueViolation(cyclic)).toBeNull()
  })
})

describe('isTransientDbError', () => {
  it.each([
    ['serialization failure', '40001'],
    ['deadlock', '40P01'],
    ['lock timeout', '55P03'],
    ['admin shutdown', '57P01'],
    ['server connection failure', '08006'],
    ['postgres.js closed connection', 'CONNECTION_CLOSED'],
    ['socket reset', 'ECONNRESET'],
  ])('treats a %s as transient', (_label, code) => {
    expect(isTransientDbError(new DrizzleQueryError('select 1', [], pgliteError(code)))).toBe(true)
  })

  it('treats constraint violations and plain errors as permanent', () => {
    expect(isTransientDbError(postgresJsError({ code: '23505' }))).toBe(false)
    expect(isTransientDbError(new Error('boom'))).toBe(false)
    expect(isTransientDbError(undefined)).toBe(false)
  })
})

describe('sqlStateOf', () => {
  it('reads the SQLSTATE below drizzle and ignores anything that is not one', () => {
    const cause = postgresJsError({ code: '42703', message: 'column "x@y.example" does not exist' })
    expect(sqlStateOf(new DrizzleQueryError('select …', ['x@y.example'], cause))).toBe('42703')
    expect(sqlStateOf(pgliteError('23505'))).toBe('23505')
    expect(sqlStateOf(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))).toBeNull()
    expect(sqlStateOf(Object.assign(new Error('down'), { code: 'EPIPE' }))).toBeNull()
    expect(sqlStateOf(postgresJsError({ code: 'P0001' }))).toBe('P0001')
    expect(sqlStateOf('42703')).toBeNull()
    expect(sqlStateOf(null)).toBeNull()
  })
})

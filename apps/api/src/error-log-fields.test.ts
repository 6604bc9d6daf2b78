import { DrizzleQueryError } from 'drizzle-orm/errors'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { errorLogFields, startupFailureText } from './error-log-fields'

const EMAIL = 'secret.customer@customer.example'

describe('errorLogFields (R77)', () => {
  it('keeps the class, the SQLSTATE and code locations of a wrapped driver error, nothing else', () => {
    const cause = new postgres.PostgresError({
      code: '23505',
      message: 'duplicate key value violates unique constraint',
      detail: `Key (email_canonical)=(${EMAIL}) already exists.`,
    } as unknown as string)
    const error = new DrizzleQueryError('insert into "users" values ($1)\nat x', [EMAIL], cause)
    const fields = errorLogFields(error)
    expect(fields).toMatchObject({ type: 'DrizzleQueryError', code: '23505' })
    expect(Object.keys(fields).sort()).toEqual(['code', 'frames', 'type'])
    expect(fields.frames?.length).toBeGreaterThan(0)
    expect(JSON.stringify(fields)).not.toMatch(/secret\.customer|insert|params|Key \(/)
  })

  it('drops message lines that look like frames and codes that are not identifiers', () => {
    const error = Object.assign(new Error(`boom\n    at ${EMAIL}\n    at evil (${EMAIL})`), {
      code: `E ${EMAIL}`,
    })
    const fields = errorLogFields(error)
    expect(fields.type).toBe('Error')
    expect(fields.code).toBeUndefined()
    expect(JSON.stringify(fields)).not.toContain('secret.customer')
  })

  it('keeps a plain code such as a socket error code', () => {
    const error = Object.assign(new Error(`connect ECONNREFUSED ${EMAIL}`), {
      code: 'ECONNREFUSED',
    })
    expect(errorLogFields(error)).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' })
  })

  it('describes non-errors by their kind only', () => {
    expect(errorLogFields(EMAIL)).toEqual({ type: 'string' })
    expect(errorLogFields(null)).toEqual({ type: 'null' })
    expect(errorLogFields({ name: EMAIL })).toEqual({ type: 'object' })
  })
})

describe('startupFailureText', () => {
  it('prints a configuration error whole and a database error by its allow-listed fields', () => {
    expect(startupFailureText(new Error('Invalid environment:\n  PORT: too big'))).toContain(
      'PORT: too big'
    )
    const cause = new postgres.PostgresError({
      code: '22P02',
      message: `invalid input syntax for type uuid: "${EMAIL}"`,
    } as unknown as string)
    const text = startupFailureText(new DrizzleQueryError('update …', [EMAIL], cause))
    expect(text).toContain('22P02')
    expect(text).not.toContain('secret.customer')
  })
})

import { describe, expect, it } from 'vitest'
import { err, fail, ok, validationFailed } from './result'

describe('Result helpers', () => {
  it('wraps a value as a success', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 })
  })

  it('wraps an error as a failure', () => {
    expect(err('x')).toEqual({ ok: false, error: 'x' })
  })

  it('omits details when a failure has none', () => {
    expect(fail('NOT_FOUND')).toEqual({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(fail('NOT_FOUND').error).not.toHaveProperty('details')
  })

  it('carries details when given', () => {
    expect(fail('QUOTA_EXCEEDED', { quota: 1 }).error.details).toEqual({ quota: 1 })
  })

  it('lists the failing fields of a validation failure', () => {
    expect(validationFailed([{ path: 'email', reason: 'REQUIRED' }]).error).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'email', reason: 'REQUIRED' }] },
    })
  })
})

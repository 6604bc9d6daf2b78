import { describe, expect, it } from 'vitest'
import { demoId, offsetFrom, SEED_NAMESPACE } from './demo-ids'
import { UUID_NAMESPACE_DNS, uuidV5 } from './uuid-v5'

describe('uuidV5', () => {
  it('matches the published vector for python.org in the DNS namespace', () => {
    expect(uuidV5('python.org', UUID_NAMESPACE_DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d')
  })

  it('sets the version 5 and RFC 4122 variant bits', () => {
    const id = uuidV5('preregistration:P01', SEED_NAMESPACE)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/Invalid namespace/)
  })
})

describe('demoId', () => {
  it('returns the same id for the same name and different ids for different names', () => {
    expect(demoId('partner:acme')).toBe(demoId('partner:acme'))
    expect(demoId('partner:acme')).not.toBe(demoId('partner:globex'))
  })
})

describe('offsetFrom', () => {
  it('counts a day as exactly 24 hours', () => {
    const now = new Date('2025-03-30T00:30:00Z')
    expect(offsetFrom(now, -2, 5).toISOString()).toBe('2025-03-28T00:35:00.000Z')
  })
})

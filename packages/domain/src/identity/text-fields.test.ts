import { describe, expect, it } from 'vitest'
import {
  validateCustomerName,
  validateEcosystemManagerName,
  validatePartnerName,
  validateReviewNote,
} from './text-fields'

function reasonOf(result: ReturnType<typeof validateCustomerName>): unknown {
  return result.ok ? null : (result.error.details?.fields as { reason: string }[])[0]?.reason
}

describe('validateCustomerName (R16)', () => {
  it('trims the name', () => {
    expect(validateCustomerName('  Alpha Robotics ')).toEqual({ ok: true, value: 'Alpha Robotics' })
  })

  it('accepts 100 characters counted as code points, emoji included', () => {
    expect(validateCustomerName('😀'.repeat(100)).ok).toBe(true)
    expect(validateCustomerName('👩‍💻 Dev').ok).toBe(true)
  })

  it.each([
    [undefined, 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['a'.repeat(101), 'TOO_LONG'],
    ['Alpha\u0007Robotics', 'CONTROL_CHARACTER'],
    ['Alpha\nRobotics', 'CONTROL_CHARACTER'],
    ['Alpha\u2028Robotics', 'CONTROL_CHARACTER'],
  ])('refuses %j with %s', (raw, reason) => {
    expect(reasonOf(validateCustomerName(raw))).toBe(reason)
  })
})

describe('validatePartnerName (§3.1)', () => {
  it('accepts a plain name', () => {
    expect(validatePartnerName('Acme Cloud Services').ok).toBe(true)
  })

  it.each(['Acme\r\nBcc: x', 'Acme\u0085', 'Acme\u2029', 'Acme\0'])(
    'refuses header-breaking %j',
    (raw) => {
      expect(reasonOf(validatePartnerName(raw))).toBe('HEADER_UNSAFE')
    }
  )
})

describe('validateReviewNote (P6)', () => {
  it('requires 1–500 characters', () => {
    expect(validateReviewNote('x').ok).toBe(true)
    expect(validateReviewNote('x'.repeat(500)).ok).toBe(true)
    expect(reasonOf(validateReviewNote('x'.repeat(501)))).toBe('TOO_LONG')
    expect(reasonOf(validateReviewNote(''))).toBe('REQUIRED')
  })
})

describe('validateEcosystemManagerName (§3.1)', () => {
  it('trims the name and accepts 100 code points', () => {
    expect(validateEcosystemManagerName(' Mei Chen ')).toEqual({ ok: true, value: 'Mei Chen' })
    expect(validateEcosystemManagerName('陈'.repeat(100)).ok).toBe(true)
  })

  it.each([
    [null, 'REQUIRED'],
    ['  ', 'REQUIRED'],
    ['a'.repeat(101), 'TOO_LONG'],
    ['Mei\u0000Chen', 'CONTROL_CHARACTER'],
    ['Mei\nChen', 'CONTROL_CHARACTER'],
    ['Mei\u0085Chen', 'CONTROL_CHARACTER'],
  ])('refuses %j with %s', (raw, reason) => {
    const result = validateEcosystemManagerName(raw)
    expect(result.ok ? null : result.error.details?.fields).toEqual([
      { path: 'ecosystemManagerName', reason },
    ])
  })
})

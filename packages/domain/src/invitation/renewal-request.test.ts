import { describe, expect, it } from 'vitest'
import { FAILURE_META } from '../failures/failure-meta'
import { canRequestRenewal, RECORDED_ACCEPTANCE_FAILURES } from './renewal-request'

describe('canRequestRenewal', () => {
  it.each([
    'LINK_EXPIRED',
    'LINK_SUPERSEDED',
    'LINK_REVOKED',
    'UNPAID_BILLS',
    'ALREADY_ASSOCIATED',
  ])('lets a link answering %s ask for a new invitation', (code) => {
    expect(canRequestRenewal(code)).toBe(true)
  })

  it.each([
    'LINK_ALREADY_USED',
    'LINK_NOT_FOUND',
    'RECIPIENT_MISMATCH',
    'AGREEMENT_REQUIRED',
    'SYSTEM_BUSY',
  ])('refuses %s', (code) => {
    expect(canRequestRenewal(code)).toBe(false)
  })

  it('lists only codes the acceptance endpoint can raise', () => {
    for (const code of RECORDED_ACCEPTANCE_FAILURES)
      expect(FAILURE_META[code].raisedBy).toContain('A')
  })
})

import { describe, expect, it } from 'vitest'
import { at, invitation } from '../../test/fixtures'
import { getFailure } from '../failures/failure-catalogue'
import { resolveLinkAnswer } from './link-answer'
import { decideRenewalRequest } from './renewal-request'

const now = at(0)

describe('resolveLinkAnswer (R58)', () => {
  it('answers a live link with its expiry', () => {
    expect(resolveLinkAnswer(invitation(), now)).toEqual({
      ok: true,
      value: { live: true, expiresAt: invitation().expiresAt },
    })
  })

  it.each([
    [{ status: 'SENT', expiresAt: at(0) }, 'LINK_EXPIRED', 410],
    [{ status: 'EXPIRED' }, 'LINK_EXPIRED', 410],
    [{ status: 'ACCEPTED' }, 'LINK_ALREADY_USED', 409],
    [{ status: 'ASSOCIATION_FAILED', failureCode: 'UNPAID_BILLS' }, 'UNPAID_BILLS', 422],
    [{ status: 'ASSOCIATION_FAILED', failureCode: null }, 'INTERNAL', 500],
    [{ status: 'SUPERSEDED' }, 'LINK_SUPERSEDED', 410],
    [{ status: 'REVOKED' }, 'LINK_REVOKED', 410],
    [{ status: 'REVOKED', failureCode: 'LINK_ASSOCIATED' }, 'LINK_ALREADY_USED', 409],
    [{ status: 'FAILED_TO_SEND' }, 'LINK_REVOKED', 410],
    [{ status: 'QUEUED', expiresAt: null }, 'LINK_NOT_FOUND', 404],
  ] as const)('answers %j with %s (%i)', (overrides, code, status) => {
    const result = resolveLinkAnswer(invitation(overrides), now)
    expect(!result.ok && result.error.code).toBe(code)
    expect(getFailure(code).httpStatus).toBe(status)
  })

  it('answers an unknown token with LINK_NOT_FOUND', () => {
    expect(resolveLinkAnswer(null, now)).toEqual({ ok: false, error: { code: 'LINK_NOT_FOUND' } })
  })
})

describe('decideRenewalRequest (R72)', () => {
  it.each([
    [{ status: 'EXPIRED' }, 'LINK_EXPIRED'],
    [{ status: 'SUPERSEDED' }, 'LINK_SUPERSEDED'],
    [{ status: 'REVOKED' }, 'LINK_REVOKED'],
    [{ status: 'ASSOCIATION_FAILED', failureCode: 'UNPAID_BILLS' }, 'UNPAID_BILLS'],
  ] as const)('records a request for %j', (overrides, reason) => {
    expect(decideRenewalRequest(invitation(overrides), now)).toEqual({
      ok: true,
      value: { action: 'REQUEST', renewalRequestedAt: now, reason },
    })
  })

  it('sends nothing twice', () => {
    expect(
      decideRenewalRequest(invitation({ status: 'EXPIRED', renewalRequestedAt: at(-1) }), now)
    ).toEqual({ ok: true, value: { action: 'NONE', alreadyRequested: true } })
  })

  it('changes nothing for a live link', () => {
    expect(decideRenewalRequest(invitation(), now)).toEqual({
      ok: true,
      value: { action: 'NONE', live: true },
    })
  })

  it('refuses a link revoked by a link association (I6c): the customer is associated', () => {
    const revoked = invitation({ status: 'REVOKED', failureCode: 'LINK_ASSOCIATED' })
    expect(decideRenewalRequest({ ...revoked, renewalRequestedAt: null }, now)).toEqual({
      ok: false,
      error: { code: 'LINK_ALREADY_USED' },
    })
  })

  it('refuses an accepted link and an unknown token', () => {
    expect(decideRenewalRequest(invitation({ status: 'ACCEPTED' }), now)).toEqual({
      ok: false,
      error: { code: 'LINK_ALREADY_USED' },
    })
    expect(decideRenewalRequest(null, now)).toEqual({
      ok: false,
      error: { code: 'LINK_NOT_FOUND' },
    })
  })
})

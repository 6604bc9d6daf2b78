import { API_ROUTES } from '@partner-center/contracts/routes'
import { describe, expect, it } from 'vitest'
import { matchTableRoute } from './route-match'

describe('matchTableRoute (the API key check of R141)', () => {
  it('finds the row of a method and path, literal segments before parameters', () => {
    expect(matchTableRoute('GET', '/api/v1/me')).toBe(API_ROUTES.getMe)
    const cd = '/api/v1/customer-development'
    expect(matchTableRoute('POST', `${cd}/invitation-links/general`)).toBe(
      API_ROUTES.getGeneralInvitationLink
    )
    expect(matchTableRoute('GET', `${cd}/invitation-links/abc/url`)).toBe(
      API_ROUTES.getInvitationLinkUrl
    )
    expect(matchTableRoute('POST', `${cd}/api-keys/abc/revoke`)).toBe(API_ROUTES.revokeApiKey)
    expect(matchTableRoute('DELETE', `${cd}/preregistrations/abc`)).toBe(
      API_ROUTES.deletePreregistration
    )
    expect(matchTableRoute('HEAD', `${cd}/history`)).toBe(API_ROUTES.findHistory)
  })

  it('answers undefined for a path or method the table does not hold', () => {
    expect(matchTableRoute('GET', '/api/v1/nothing')).toBeUndefined()
    expect(matchTableRoute('PUT', '/api/v1/me')).toBeUndefined()
    expect(matchTableRoute('GET', '/api/v1/customer-development/history/extra')).toBeUndefined()
  })
})

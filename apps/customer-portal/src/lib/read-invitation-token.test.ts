import { describe, expect, it } from 'vitest'
import { readInvitationToken } from './read-invitation-token'

const token = 'A'.repeat(40) + '_-9'

describe('readInvitationToken', () => {
  it('returns the 43-character token from the fragment', () => {
    expect(readInvitationToken(`#${token}`)).toBe(token)
  })

  it('rejects fragments that are not a token', () => {
    expect(readInvitationToken('')).toBeNull()
    expect(readInvitationToken('#short')).toBeNull()
    expect(readInvitationToken(`#${token}x`)).toBeNull()
    expect(readInvitationToken(`#${token.slice(1)}<`)).toBeNull()
  })
})

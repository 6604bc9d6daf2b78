import { describe, expect, it } from 'vitest'
import { hashTokenSync } from './node-token-hash'
import { createRandomToken, hashToken, readBearerToken } from './tokens'

describe('tokens', () => {
  it('makes 43-character base64url tokens that differ every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => createRandomToken()))
    expect(tokens.size).toBe(200)
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('hashes with SHA-256 to the same hex as node:crypto', async () => {
    const token = createRandomToken()
    expect(await hashToken(token)).toBe(hashTokenSync(token))
  })

  it('reads only well-formed bearer headers', () => {
    const token = createRandomToken()
    expect(readBearerToken(`Bearer ${token}`)).toBe(token)
    expect(readBearerToken(undefined)).toBeNull()
    expect(readBearerToken(`Basic ${token}`)).toBeNull()
    expect(readBearerToken('Bearer short')).toBeNull()
    expect(readBearerToken(`Bearer ${token}\r\nX: y`)).toBeNull()
  })
})

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createKeyring, KEY_PURPOSES } from './keyring'
import { invitationLinkUrl, issueLinkCode, openLinkCode } from './link-codes'

const first = { id: 'k1', secret: new Uint8Array(32).fill(1) }
const second = { id: 'k2', secret: new Uint8Array(32).fill(2) }

describe('link codes (domain.md R99)', () => {
  it('draws 32 random bytes as 43 base64url characters, stored as SHA-256 hex and a ciphertext', async () => {
    const keyring = createKeyring({ current: first, previous: [] })
    const codes = new Set<string>()
    for (let n = 0; n < 50; n++) {
      const { code, stored } = await issueLinkCode(keyring)
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(stored.codeHash).toBe(createHash('sha256').update(code).digest('hex'))
      expect(stored.keyId).toBe('k1')
      expect(stored.codeCiphertext).toMatch(/^k1:/)
      expect(stored.codeCiphertext).not.toContain(code)
      expect(await openLinkCode(keyring, stored.codeCiphertext)).toBe(code)
      codes.add(code)
    }
    expect(codes.size).toBe(50)
  })

  it('opens a code sealed under a retired key, and refuses one no key opens', async () => {
    const { code, stored } = await issueLinkCode(createKeyring({ current: first, previous: [] }))
    const rotated = createKeyring({ current: second, previous: [first] })
    expect(await openLinkCode(rotated, stored.codeCiphertext)).toBe(code)
    const forgotten = createKeyring({ current: second, previous: [] })
    await expect(openLinkCode(forgotten, stored.codeCiphertext)).rejects.toThrow(/no known key/)
  })

  it('uses its own subkey: a ciphertext of another purpose does not open as a link code', async () => {
    const keyring = createKeyring({ current: first, previous: [] })
    const other = await keyring.seal(KEY_PURPOSES.signInLimitSubject, 'x'.repeat(43))
    await expect(openLinkCode(keyring, other)).rejects.toThrow()
    expect(KEY_PURPOSES.invitationLinkCode).toBe('invitation-link-code')
  })

  it('puts the code in the fragment of {PUBLIC_BASE_URL}/join', () => {
    expect(invitationLinkUrl('https://portal.example/', 'abc')).toBe(
      'https://portal.example/join#abc'
    )
    expect(invitationLinkUrl('http://localhost:4175', 'abc')).toBe('http://localhost:4175/join#abc')
  })
})

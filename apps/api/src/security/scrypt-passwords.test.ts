import { describe, expect, it } from 'vitest'
import { createScryptPasswordHasher, DEFAULT_SCRYPT_COST } from './scrypt-passwords'

describe('scrypt passwords (architecture.md §5 Auth)', () => {
  it("hashes at OWASP's cost by default: N=2^14, r=8, p=5", async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 16_384, r: 8, p: 5 })
    const passwords = createScryptPasswordHasher()
    const stored = await passwords.hash('Passw0rd!demo')
    expect(stored).toMatch(/^scrypt:16384:8:5:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}$/)
    expect(await passwords.verify('Passw0rd!demo', stored)).toBe(true)
    expect(await passwords.verify('Passw0rd!dem0', stored)).toBe(false)
  })

  it('keeps the dummy hash of unknown accounts at the configured cost', async () => {
    expect(createScryptPasswordHasher().dummyHash).toMatch(/^scrypt:16384:8:5:/)
    const cheap = createScryptPasswordHasher({ N: 1024, r: 8, p: 1 })
    expect(cheap.dummyHash).toMatch(/^scrypt:1024:8:1:/)
    expect(await cheap.verify('', cheap.dummyHash)).toBe(false)
  })

  it('asks for a rehash only below the configured cost', async () => {
    const passwords = createScryptPasswordHasher({ N: 1024, r: 8, p: 2 })
    const old = await createScryptPasswordHasher({ N: 512, r: 8, p: 2 }).hash('x')
    expect(passwords.needsRehash(old)).toBe(true)
    expect(passwords.needsRehash('scrypt:1024:8:1:AAAA:AAAA')).toBe(true)
    expect(passwords.needsRehash(await passwords.hash('x'))).toBe(false)
    expect(passwords.needsRehash('scrypt:2048:8:2:AAAA:AAAA')).toBe(false)
    expect(passwords.needsRehash('bcrypt$whatever')).toBe(false)
    // An old hash still verifies: the rehash happens after a successful sign-in.
    expect(await passwords.verify('x', old)).toBe(true)
  })
})

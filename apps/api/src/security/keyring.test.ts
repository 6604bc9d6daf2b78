import { describe, expect, it } from 'vitest'
import {
  createKeyring,
  decodeDataKey,
  DEVELOPMENT_ONLY_DATA_KEY,
  isDevelopmentOnlyDataKey,
  KEY_PURPOSES,
} from './keyring'

const secret = (fill: number) => new Uint8Array(32).fill(fill)
const first = { id: 'k1', secret: secret(1) }
const second = { id: 'k2', secret: secret(2) }
const purpose = KEY_PURPOSES.signInKnownAddress

/**
 * The sealed value with one ciphertext character changed, ten from the end: every bit of a
 * character before the last is significant. Changing the last two characters (as this test once
 * did) sometimes changed nothing: a value ending in `BA` stayed the same, and the low bits of the
 * last character are padding that base64 decoding ignores, so the value still opened.
 */
function alterCiphertext(sealed: string): string {
  const at = sealed.length - 10
  const replacement = sealed[at] === 'A' ? 'B' : 'A'
  return sealed.slice(0, at) + replacement + sealed.slice(at + 1)
}

describe('keyring', () => {
  it('prefixes every MAC with its key id and derives one subkey per purpose', async () => {
    const keyring = createKeyring({ current: first, previous: [] })
    const mac = await keyring.mac(purpose, 'message')
    expect(mac).toMatch(/^k1:[A-Za-z0-9_-]{43}$/)
    expect(await keyring.mac(purpose, 'message')).toBe(mac)
    expect(await keyring.mac(KEY_PURPOSES.signInLimitSubject, 'message')).not.toBe(mac)
    expect(await keyring.mac(purpose, 'other')).not.toBe(mac)
  })

  it('writes with the new key and still finds values of the retired one', async () => {
    const before = createKeyring({ current: first, previous: [] })
    const after = createKeyring({ current: second, previous: [first] })
    const stored = await before.mac(purpose, 'message')
    const lookups = await after.macsForLookup(purpose, 'message')
    expect(lookups[0]).toMatch(/^k2:/)
    expect(lookups).toContain(stored)
    expect(await after.mac(purpose, 'message')).toMatch(/^k2:/)
  })

  it('seals with a key id and opens under the current or a retired key', async () => {
    const before = createKeyring({ current: first, previous: [] })
    const after = createKeyring({ current: second, previous: [first] })
    const sealed = await before.seal(purpose, 'smtp-password-é')
    expect(sealed).toMatch(/^k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/)
    expect(await after.open(purpose, sealed)).toBe('smtp-password-é')
    expect(await after.open(purpose, await after.seal(purpose, 'x'))).toBe('x')
    // Another purpose, an unknown key id or one altered character: nothing opens.
    expect(await after.open(KEY_PURPOSES.signInLimitSubject, sealed)).toBeNull()
    expect(await createKeyring({ current: second, previous: [] }).open(purpose, sealed)).toBeNull()
    const altered = alterCiphertext(sealed)
    expect(altered).not.toBe(sealed)
    expect(await after.open(purpose, altered)).toBeNull()
  })

  it('refuses two keys with one id', () => {
    expect(() => createKeyring({ current: first, previous: [{ ...second, id: 'k1' }] })).toThrow(
      /unique/
    )
  })

  it('takes only 32-byte base64 keys, and knows the development key in any spelling', () => {
    expect(decodeDataKey(btoa('x'.repeat(32)))).toHaveLength(32)
    expect(decodeDataKey(btoa('x'.repeat(31)))).toBeNull()
    expect(decodeDataKey('not base64!')).toBeNull()
    expect(isDevelopmentOnlyDataKey(DEVELOPMENT_ONLY_DATA_KEY)).toBe(true)
    expect(isDevelopmentOnlyDataKey(DEVELOPMENT_ONLY_DATA_KEY.replace(/=+$/, ''))).toBe(true)
    expect(isDevelopmentOnlyDataKey(btoa('y'.repeat(32)))).toBe(false)
  })
})

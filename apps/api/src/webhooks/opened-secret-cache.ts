import type { Keyring } from '../security/keyring'

/** Opened secrets kept at most; past it the cache starts afresh (endpoints are few). */
const MAX_OPENED = 1_000

/**
 * The webhook loops' keyring: `open` remembers what it opened, so an endpoint's signing secret is
 * decrypted once per dispatcher rather than at every attempt (AES-GCM per request cost as much as
 * the signature). A ciphertext is immutable, so what it opens to never changes; a rotated secret
 * is a new ciphertext. Everything else is the keyring's own.
 *
 * @example
 * const ctx = { keyring: cacheOpenedSecrets(keyring), client, clock }
 */
export function cacheOpenedSecrets(keyring: Keyring): Keyring {
  const opened = new Map<string, Promise<string | null>>()
  return {
    get currentKeyId() {
      return keyring.currentKeyId
    },
    mac: (purpose, message) => keyring.mac(purpose, message),
    macsForLookup: (purpose, message) => keyring.macsForLookup(purpose, message),
    seal: (purpose, plaintext) => keyring.seal(purpose, plaintext),
    open(purpose, sealed) {
      const key = `${purpose}\u0000${sealed}`
      const known = opened.get(key)
      if (known) return known
      if (opened.size >= MAX_OPENED) opened.clear()
      const opening = keyring.open(purpose, sealed)
      opened.set(key, opening)
      // A failure (or a key not known yet) is not remembered: the next attempt asks again.
      void opening.then(
        (secret) => secret === null && opened.delete(key),
        () => opened.delete(key)
      )
      return opening
    },
  }
}

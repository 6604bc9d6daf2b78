/**
 * The data-encryption keyring: one root key per id (`DATA_ENCRYPTION_KEY`, plus retired keys
 * still needed to read old values), and per purpose a subkey derived with HKDF-SHA-256, so a
 * MAC of one use can never stand for another. Every MAC and ciphertext starts with the id of the
 * key that made it (`k1:…`): a second key can be added and the first retired once nothing needs
 * it. Web Crypto only, so it runs on edge runtimes too.
 */

/** One root key: 32 random bytes and the id written in front of what it makes. */
export interface DataKey {
  id: string
  secret: Uint8Array<ArrayBuffer>
}

/** The keys of a process: the current one writes, all of them read. */
export interface DataKeySet {
  current: DataKey
  /** Retired keys, still accepted when reading or looking up. */
  previous: readonly DataKey[]
}

/**
 * The purpose labels of derived subkeys: one per use, versioned, never reused for another use.
 * The HKDF info is `<algorithm>:<label>`, so a label's MAC and cipher subkeys differ too.
 */
export const KEY_PURPOSES = {
  /** HMAC of (sign-in scope, account, client address) after a successful sign-in. */
  signInKnownAddress: 'sign-in-known-address/v1',
  /** HMAC naming an account (and address) in the sign-in limit tables, instead of the email. */
  signInLimitSubject: 'sign-in-limit-subject/v1',
  /**
   * AES-GCM of an invitation link's raw code, so Copy and QR work later (domain.md §12.2.1, R99).
   * Unversioned: the document names the HKDF info `AES-GCM:invitation-link-code` exactly.
   */
  invitationLinkCode: 'invitation-link-code',
  /**
   * HMAC of (pending link registration id, email code): its `codeHash` (domain.md §12.2.2, R102).
   * Unversioned: the document names the HKDF info `HMAC:email-code` exactly.
   */
  emailCode: 'email-code',
  /** HMAC naming a canonical email in the code-email counters (`email-code:{mac}`, R102). */
  emailCodeLimit: 'email-code-limit/v1',
  /**
   * AES-GCM of a webhook endpoint's signing secret (domain.md R128): the API seals it, only the
   * dispatcher opens it to sign. Unversioned: the document names `AES-GCM:webhook-secret`.
   */
  webhookSecret: 'webhook-secret',
} as const

/** A purpose label (see {@link KEY_PURPOSES}). */
export type KeyPurpose = string

/** MACs and authenticated encryption under per-purpose subkeys of a {@link DataKeySet}. */
export interface Keyring {
  /** The id new MACs and ciphertexts carry. */
  readonly currentKeyId: string
  /** HMAC-SHA-256 of a message under the current key: `<keyId>:<base64url>`. */
  mac(purpose: KeyPurpose, message: string): Promise<string>
  /** The MAC of a message under every key, current first: to find a value stored under any. */
  macsForLookup(purpose: KeyPurpose, message: string): Promise<string[]>
  /** AES-256-GCM under the current key: `<keyId>:<iv base64url>:<ciphertext base64url>`. */
  seal(purpose: KeyPurpose, plaintext: string): Promise<string>
  /** Opens what {@link Keyring.seal} made under any known key; null if unknown key or altered. */
  open(purpose: KeyPurpose, sealed: string): Promise<string | null>
}

/** The id format of a key: short, lower case, no `:` (it ends the prefix). */
export const KEY_ID_PATTERN = /^[a-z0-9]{1,16}$/

/** Bytes of a root key. */
export const DATA_KEY_BYTES = 32

// HKDF's salt: fixed, public, and the same everywhere; the info label carries the purpose.
const HKDF_SALT = new TextEncoder().encode('partner-center/data-keyring')
const encoder = new TextEncoder()

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  const standard = text.replaceAll('-', '+').replaceAll('_', '/')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(standard)) return null
  try {
    return Uint8Array.from(atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')), (ch) =>
      ch.charCodeAt(0)
    )
  } catch {
    return null
  }
}

/**
 * Decodes a root key given in base64 (standard or url-safe, padding optional); null unless it
 * is exactly 32 bytes.
 *
 * @example
 * decodeDataKey(btoa('x'.repeat(32))) // 32 bytes
 * decodeDataKey('c2hvcnQ=') // null
 */
export function decodeDataKey(text: string): Uint8Array<ArrayBuffer> | null {
  const bytes = fromBase64(text.trim())
  return bytes?.length === DATA_KEY_BYTES ? bytes : null
}

/**
 * A keyring over a key set. Subkeys are derived once per key and purpose and kept.
 *
 * @example
 * const keyring = createKeyring({ current: { id: 'k1', secret }, previous: [] })
 * await keyring.mac('sign-in-known-address/v1', 'user:42|203.0.113.7') // 'k1:…'
 */
export function createKeyring(keys: DataKeySet): Keyring {
  const all = [keys.current, ...keys.previous]
  const byId = new Map(all.map((key) => [key.id, key]))
  if (byId.size !== all.length) throw new Error('data keys: every key id must be unique')
  const cache = new Map<string, Promise<CryptoKey>>()

  function subkey(key: DataKey, purpose: string, use: 'HMAC' | 'AES-GCM'): Promise<CryptoKey> {
    const cacheKey = `${key.id}\n${use}\n${purpose}`
    let derived = cache.get(cacheKey)
    if (!derived) {
      derived = crypto.subtle
        .importKey('raw', key.secret, 'HKDF', false, ['deriveKey'])
        .then((root) =>
          crypto.subtle.deriveKey(
            {
              name: 'HKDF',
              hash: 'SHA-256',
              salt: HKDF_SALT,
              info: encoder.encode(`${use}:${purpose}`),
            },
            root,
            use === 'HMAC'
              ? { name: 'HMAC', hash: 'SHA-256', length: 256 }
              : { name: 'AES-GCM', length: 256 },
            false,
            use === 'HMAC' ? ['sign'] : ['encrypt', 'decrypt']
          )
        )
      cache.set(cacheKey, derived)
    }
    return derived
  }

  async function macWith(key: DataKey, purpose: string, message: string): Promise<string> {
    const signature = await crypto.subtle.sign(
      'HMAC',
      await subkey(key, purpose, 'HMAC'),
      encoder.encode(message)
    )
    return `${key.id}:${toBase64Url(new Uint8Array(signature))}`
  }

  return {
    currentKeyId: keys.current.id,
    mac: (purpose, message) => macWith(keys.current, purpose, message),
    macsForLookup: (purpose, message) =>
      Promise.all(all.map((key) => macWith(key, purpose, message))),
    async seal(purpose, plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12))
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
        await subkey(keys.current, purpose, 'AES-GCM'),
        encoder.encode(plaintext)
      )
      return `${keys.current.id}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ciphertext))}`
    },
    async open(purpose, sealed) {
      const [id = '', ivText = '', body = '', ...rest] = sealed.split(':')
      const key = byId.get(id)
      const iv = fromBase64(ivText)
      const ciphertext = fromBase64(body)
      if (!key || iv?.length !== 12 || !ciphertext || rest.length > 0) return null
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) },
          await subkey(key, purpose, 'AES-GCM'),
          ciphertext
        )
        return new TextDecoder('utf-8', { fatal: true }).decode(plaintext)
      } catch {
        return null
      }
    },
  }
}

/**
 * The fixed root key of development and test runs when `DATA_ENCRYPTION_KEY` is unset: public,
 * so refused in production. Base64 of the 32 ASCII bytes `development-only-data-key-000000`.
 */
export const DEVELOPMENT_ONLY_DATA_KEY = btoa('development-only-data-key-000000')

/** Whether a base64 key is {@link DEVELOPMENT_ONLY_DATA_KEY}, in any base64 spelling. */
export function isDevelopmentOnlyDataKey(text: string): boolean {
  const bytes = decodeDataKey(text)
  const development = decodeDataKey(DEVELOPMENT_ONLY_DATA_KEY)
  return !!bytes && !!development && bytes.every((byte, i) => byte === development[i])
}

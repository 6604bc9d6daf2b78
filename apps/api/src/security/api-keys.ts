import { API_KEY_PREFIX, API_KEY_PREFIX_LENGTH, DEFAULT_LIMITS } from '@partner-center/domain'
import { hashToken } from './tokens'

// The API key itself (domain.md R139): Web Crypto only, so the worker issues and checks keys too.
// The raw key lives in memory and in the 201 answer of its creation only (R144).

/** The stored forms of a new key: its SHA-256 (the only lookup) and its first 12 characters. */
export interface StoredApiKey {
  keyHash: string
  keyPrefix: string
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/**
 * A new key: `pck_` and `API_KEY_BYTES` (32) random bytes in base64url without padding (47
 * characters in all), with its hash and prefix.
 *
 * @example
 * const { key, stored } = await issueApiKey() // key: 'pck_…', stored.keyPrefix: key.slice(0, 12)
 */
export async function issueApiKey(): Promise<{ key: string; stored: StoredApiKey }> {
  const random = crypto.getRandomValues(new Uint8Array(DEFAULT_LIMITS.API_KEY_BYTES))
  const key = `${API_KEY_PREFIX}${toBase64Url(random)}`
  return {
    key,
    stored: { keyHash: await hashToken(key), keyPrefix: key.slice(0, API_KEY_PREFIX_LENGTH) },
  }
}

/**
 * Token helpers on Web Crypto only, so the request path stays edge-ready (architecture.md §5).
 */

const encoder = new TextEncoder()

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** SHA-256 of a token, hex encoded: the only form in which tokens are stored. */
export async function hashToken(token: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(token)))
}

/** A new opaque token: 32 cryptographically random bytes, base64url without padding (43 chars). */
export function createRandomToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

/** A bearer token from an `Authorization` header, or null. */
export function readBearerToken(header: string | undefined): string | null {
  if (!header) return null
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim())
  return match?.[1] ?? null
}

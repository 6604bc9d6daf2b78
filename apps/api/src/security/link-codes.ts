import { DEFAULT_LIMITS } from '@partner-center/domain'
import { KEY_PURPOSES, type Keyring } from './keyring'
import { hashToken } from './tokens'

// The code of an invitation link (domain.md R99): Web Crypto only, so the worker runs it too.
// The raw code lives in memory and in the answers of the general link and `…/{id}/url` only.

/** The stored forms of a new link code: its SHA-256 (the lookup) and its ciphertext. */
export interface StoredLinkCode {
  codeHash: string
  codeCiphertext: string
  keyId: string
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/**
 * A new link code: `LINK_CODE_BYTES` (32) random bytes, base64url without padding (43
 * characters), with its hash and its ciphertext under the current data key's
 * `AES-GCM:invitation-link-code` subkey.
 */
export async function issueLinkCode(
  keyring: Keyring
): Promise<{ code: string; stored: StoredLinkCode }> {
  const code = toBase64Url(crypto.getRandomValues(new Uint8Array(DEFAULT_LIMITS.LINK_CODE_BYTES)))
  const stored = {
    codeHash: await hashToken(code),
    codeCiphertext: await keyring.seal(KEY_PURPOSES.invitationLinkCode, code),
    keyId: keyring.currentKeyId,
  }
  return { code, stored }
}

/**
 * The raw code of a stored link, decrypted under the key that sealed it (current or retired,
 * `DATA_ENCRYPTION_PREVIOUS_KEYS`). A ciphertext no known key opens is a deployment defect (a
 * retired key dropped too early): it throws, answering 500, and never a wrong link.
 */
export async function openLinkCode(keyring: Keyring, codeCiphertext: string): Promise<string> {
  const code = await keyring.open(KEY_PURPOSES.invitationLinkCode, codeCiphertext)
  if (code === null) throw new Error('invitation link code: no known key opens its ciphertext')
  return code
}

/** The link a customer opens: `{PUBLIC_BASE_URL}/join#{code}`, the code in the fragment (R99). */
export function invitationLinkUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/join#${code}`
}

import { KEY_PURPOSES, type Keyring } from '../security/keyring'

// A webhook endpoint's signing secret at rest (domain.md R128): only its ciphertext under the
// `AES-GCM:webhook-secret` subkey of DATA_ENCRYPTION_KEY, with the id of the key that sealed it.
// Web Crypto only, so the worker seals secrets as the Node API does.

/** The stored form of a signing secret: the two columns of a secret (current or previous). */
export interface SealedWebhookSecret {
  ciphertext: string
  keyId: string
}

/** Seals a `whsec_…` secret under the current data key. */
export async function sealWebhookSecret(
  keyring: Keyring,
  secret: string
): Promise<SealedWebhookSecret> {
  return {
    ciphertext: await keyring.seal(KEY_PURPOSES.webhookSecret, secret),
    keyId: keyring.currentKeyId,
  }
}

/**
 * The `whsec_…` secret of a ciphertext, opened under the key that sealed it (current or retired,
 * `DATA_ENCRYPTION_PREVIOUS_KEYS`). A ciphertext no known key opens is a deployment defect (a
 * retired key dropped too early): it throws rather than sign with a wrong secret.
 */
export async function openWebhookSecret(keyring: Keyring, ciphertext: string): Promise<string> {
  const secret = await keyring.open(KEY_PURPOSES.webhookSecret, ciphertext)
  if (secret === null) throw new Error('webhook secret: no known key opens its ciphertext')
  return secret
}

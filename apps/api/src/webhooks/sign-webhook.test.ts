import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'
import { newWebhookSecret, secretBytes, signWebhook } from './sign-webhook'

// Receivers verify with the standardwebhooks library (R130); so do these tests, against the
// clock (the library refuses timestamps more than five minutes away).
const body = '{"type":"webhook.test","timestamp":"2026-12-06T21:30:00.000Z","data":{}}'
const webhookId = 'evt_0b6f6c1e-8a0e-4f53-9a55-3c1e1e5d1a77'

function headersFor(secrets: string[], signedBody = body): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000)
  const signature = signWebhook({
    webhookId,
    timestamp,
    body: signedBody,
    secrets: secrets.map(secretBytes),
  })
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  }
}

function verifies(secret: string, headers: Record<string, string>, sentBody = body): boolean {
  try {
    new Webhook(secret).verify(sentBody, headers)
    return true
  } catch {
    return false
  }
}

describe('newWebhookSecret and secretBytes (R128)', () => {
  it('draws 32 random bytes, written as whsec_ and 44 characters of padded base64', () => {
    const secrets = [newWebhookSecret(), newWebhookSecret()]
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
      expect(secret).toHaveLength(50)
      expect(secretBytes(secret)).toHaveLength(32)
    }
    expect(secrets[0]).not.toBe(secrets[1])
  })

  it('reads back the bytes that were encoded, and refuses anything else', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, index) => index * 7)
    const secret = `whsec_${Buffer.from(bytes).toString('base64')}`
    expect(secretBytes(secret)).toEqual(bytes)
    for (const text of ['', 'whsec_', secret.slice(6), `${secret}x`, secret.replace('=', '')]) {
      expect(() => secretBytes(text)).toThrow('Not a webhook signing secret')
    }
  })
})

describe('signWebhook (R129, R130)', () => {
  it('signs what the standardwebhooks library verifies', () => {
    const secret = newWebhookSecret()
    expect(verifies(secret, headersFor([secret]))).toBe(true)
  })

  it('carries two signatures, the new first, so either secret verifies during the overlap', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()]
    const headers = headersFor([current, previous])
    const [newFirst, oldSecond] = (headers['webhook-signature'] ?? '').split(' ')
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2)
    expect(newFirst).toBe(headersFor([current])['webhook-signature'])
    expect(oldSecond).toBe(headersFor([previous])['webhook-signature'])
    expect(verifies(current, headers)).toBe(true)
    expect(verifies(previous, headers)).toBe(true)
    expect(verifies(newWebhookSecret(), headers)).toBe(false)
  })

  it('verifies only with the new secret once it signs alone', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()]
    const headers = headersFor([current])
    expect(verifies(current, headers)).toBe(true)
    expect(verifies(previous, headers)).toBe(false)
  })

  it('is refused for a tampered body, id or timestamp', () => {
    const secret = newWebhookSecret()
    const headers = headersFor([secret])
    expect(verifies(secret, headers, body.replace('webhook.test', 'invitation.sent'))).toBe(false)
    expect(verifies(secret, { ...headers, 'webhook-id': 'evt_other' })).toBe(false)
    const later = String(Number(headers['webhook-timestamp']) + 1)
    expect(verifies(secret, { ...headers, 'webhook-timestamp': later })).toBe(false)
  })

  it('signs the exact text, non-ASCII characters as UTF-8', () => {
    const secret = newWebhookSecret()
    const text = '{"customer":{"name":"张***"}}'
    expect(verifies(secret, headersFor([secret], text), text)).toBe(true)
  })

  it('matches the library’s own signature byte for byte', () => {
    const secret = newWebhookSecret()
    const at = new Date(1_796_592_600_000)
    const signature = signWebhook({
      webhookId,
      timestamp: 1_796_592_600,
      body,
      secrets: [secretBytes(secret)],
    })
    expect(signature).toBe(new Webhook(secret).sign(webhookId, at, body))
  })

  it('needs a secret and whole seconds', () => {
    const secrets = [secretBytes(newWebhookSecret())]
    expect(() => signWebhook({ webhookId, timestamp: 1, body, secrets: [] })).toThrow()
    expect(() => signWebhook({ webhookId, timestamp: 1.5, body, secrets })).toThrow()
  })
})

import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../core/limits'
import {
  apiKeyPermissions,
  decideApiKeyCreation,
  keyMayCall,
  lastUsedWriteDue,
} from './api-key-rules'
import { claimsApiKey, isApiKeyFormat } from './api-key-values'

describe('decideApiKeyCreation (R139)', () => {
  it('trims the name and keeps a partner role', () => {
    expect(
      decideApiKeyCreation({ request: { name: ' CRM ', role: 'sales' }, activeKeys: 9 })
    ).toEqual({ ok: true, value: { name: 'CRM', role: 'sales' } })
  })

  it('refuses account_manager and the ecosystem manager with ROLE_NOT_ALLOWED_FOR_KEY', () => {
    for (const role of ['account_manager', 'ecosystem_manager', 'root']) {
      expect(decideApiKeyCreation({ request: { name: 'CRM', role }, activeKeys: 0 })).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          details: { fields: [{ path: 'role', reason: 'ROLE_NOT_ALLOWED_FOR_KEY' }] },
        },
      })
    }
  })

  it('refuses an empty, too long or controlled name before the limit', () => {
    const reasons = ['  ', 'x'.repeat(101), 'a\u0000b'].map((name) => {
      const result = decideApiKeyCreation({ request: { name, role: 'sales' }, activeKeys: 10 })
      return result.ok ? null : result.error.details
    })
    expect(reasons).toEqual([
      { fields: [{ path: 'name', reason: 'REQUIRED' }] },
      { fields: [{ path: 'name', reason: 'TOO_LONG' }] },
      { fields: [{ path: 'name', reason: 'CONTROL_CHARACTER' }] },
    ])
  })

  it('takes the ecosystem manager role for a platform key only', () => {
    const platform = decideApiKeyCreation({
      request: { name: 'BI', role: 'ecosystem_manager' },
      activeKeys: 0,
      allowedRoles: ['ecosystem_manager'],
    })
    expect(platform).toEqual({ ok: true, value: { name: 'BI', role: 'ecosystem_manager' } })
  })

  it('answers API_KEY_LIMIT at API_KEYS_MAX active keys', () => {
    const result = decideApiKeyCreation({ request: { name: 'CRM', role: 'sales' }, activeKeys: 10 })
    expect(result).toEqual({ ok: false, error: { code: 'API_KEY_LIMIT', details: { max: 10 } } })
  })
})

describe('keyMayCall (R141)', () => {
  it('lets a key call only GET routes marked apiKey', () => {
    expect(keyMayCall({ method: 'GET', apiKey: true }).ok).toBe(true)
    expect(keyMayCall({ method: 'GET', apiKey: false }).ok).toBe(false)
    expect(keyMayCall({ method: 'POST', apiKey: true })).toEqual({
      ok: false,
      error: { code: 'API_KEY_NOT_ALLOWED' },
    })
  })
})

describe('lastUsedWriteDue (R140)', () => {
  const now = new Date('2026-01-01T00:01:00Z')
  it('writes when never used or at least a minute ago, not sooner', () => {
    expect(lastUsedWriteDue(null, now)).toBe(true)
    expect(lastUsedWriteDue(new Date('2026-01-01T00:00:00Z'), now)).toBe(true)
    expect(lastUsedWriteDue(new Date('2026-01-01T00:00:01Z'), now)).toBe(false)
    expect(DEFAULT_LIMITS.API_KEY_LAST_USED_WRITE_SECONDS).toBe(60)
  })
})

describe('the key format (R139, R140)', () => {
  it('is pck_ and 43 base64url characters', () => {
    expect(isApiKeyFormat(`pck_${'A-_z'.repeat(10)}abc`)).toBe(true)
    expect(isApiKeyFormat(`pck_${'a'.repeat(42)}`)).toBe(false)
    expect(isApiKeyFormat(`pck_${'a'.repeat(42)}+`)).toBe(false)
    expect(claimsApiKey(`pck_${'a'.repeat(43)}`)).toBe(true)
    expect(claimsApiKey('pck_short')).toBe(false)
    expect(claimsApiKey('an-access-token')).toBe(false)
  })
})

describe('apiKeyPermissions (R141)', () => {
  it('gives every partner key role the reads of its role and nothing that writes', () => {
    for (const role of ['admin', 'sales', 'read_only'] as const) {
      expect(apiKeyPermissions(role)).toEqual([
        'custdev.view',
        'custdev.history.view',
        'custdev.reveal',
      ])
    }
  })
})

import { describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES } from './event-types'
import {
  changedEndpointFields,
  checkEndpointLimit,
  decideWebhookEndpointInput,
  previousSecretExpiry,
  redeliverAction,
  requireEnabledEndpoint,
  switchTransition,
} from './endpoint-rules'

const PRODUCTION = { production: true, policy: 'public' } as const
const ELSEWHERE = { production: false, policy: 'any' } as const

function reasonsOf(result: ReturnType<typeof decideWebhookEndpointInput>) {
  return result.ok ? null : result.error
}

describe('decideWebhookEndpointInput (R126)', () => {
  it('stores the serialised URL, the types in catalogue order and the trimmed description', () => {
    const result = decideWebhookEndpointInput(
      {
        url: 'HTTPS://Hooks.Example.com/in?t=1',
        eventTypes: ['invitation.sent', 'preregistration.created'],
        description: '  CRM  ',
      },
      PRODUCTION
    )
    expect(result).toEqual({
      ok: true,
      value: {
        url: 'https://hooks.example.com/in?t=1',
        eventTypes: ['preregistration.created', 'invitation.sent'],
        description: 'CRM',
      },
    })
  })

  it('takes a subset (a change) and leaves the other fields out', () => {
    expect(decideWebhookEndpointInput({ description: '' }, ELSEWHERE)).toEqual({
      ok: true,
      value: { description: '' },
    })
  })

  it.each([
    [[]],
    [['invitation.sent', 'invitation.sent']],
    [['invitation.unknown']],
    [['webhook.test']],
    [['*']],
  ])('refuses the event types %j with UNKNOWN_EVENT_TYPE', (eventTypes) => {
    expect(reasonsOf(decideWebhookEndpointInput({ eventTypes }, ELSEWHERE))).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'eventTypes', reason: 'UNKNOWN_EVENT_TYPE' }] },
    })
  })

  it('accepts all 13 types', () => {
    const result = decideWebhookEndpointInput({ eventTypes: [...WEBHOOK_EVENT_TYPES] }, ELSEWHERE)
    expect(result.ok && result.value.eventTypes).toEqual([...WEBHOOK_EVENT_TYPES])
  })

  it.each([
    ['x'.repeat(201), 'TOO_LONG'],
    ['a\u0007b', 'CONTROL_CHARACTER'],
    ['a\u200bb', 'FORMAT_CHARACTER'],
  ])('refuses the description %j with %s', (description, reason) => {
    expect(reasonsOf(decideWebhookEndpointInput({ description }, ELSEWHERE))).toEqual({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'description', reason }] },
    })
  })

  it('counts the description in code points: 200 emoji pass', () => {
    expect(decideWebhookEndpointInput({ description: '😀'.repeat(200) }, ELSEWHERE).ok).toBe(true)
  })

  it('answers validation before the URL, and WEBHOOK_URL_INVALID before NOT_ALLOWED', () => {
    const both = decideWebhookEndpointInput(
      { url: 'http://127.0.0.1/', eventTypes: [] },
      PRODUCTION
    )
    expect(reasonsOf(both)?.code).toBe('VALIDATION_FAILED')
    expect(reasonsOf(decideWebhookEndpointInput({ url: 'http://127.0.0.1/' }, PRODUCTION))).toEqual(
      { code: 'WEBHOOK_URL_INVALID' }
    )
    expect(
      reasonsOf(decideWebhookEndpointInput({ url: 'https://127.0.0.1/' }, PRODUCTION))
    ).toEqual({ code: 'WEBHOOK_URL_NOT_ALLOWED' })
  })

  it('allows http and loopback outside production', () => {
    const result = decideWebhookEndpointInput({ url: 'http://127.0.0.1:9/x' }, ELSEWHERE)
    expect(result).toEqual({ ok: true, value: { url: 'http://127.0.0.1:9/x' } })
  })
})

describe('the other decisions of §13.4.1 and R129, R137, R138', () => {
  it('limits endpoints to WEBHOOK_ENDPOINTS_MAX', () => {
    expect(checkEndpointLimit(9).ok).toBe(true)
    expect(checkEndpointLimit(10)).toEqual({
      ok: false,
      error: { code: 'WEBHOOK_ENDPOINT_LIMIT', details: { max: 10 } },
    })
  })

  it('turns enabled into W2, W3 or nothing', () => {
    expect(switchTransition('ENABLED', false)).toBe('disable')
    expect(switchTransition('DISABLED', true)).toBe('enable')
    expect(switchTransition('ENABLED', true)).toBeNull()
    expect(switchTransition('DISABLED', false)).toBeNull()
    expect(switchTransition('ENABLED', undefined)).toBeNull()
  })

  it('names only the fields whose value changes', () => {
    const stored = { url: 'https://a.example/', eventTypes: ['invitation.sent'], description: '' }
    expect(
      changedEndpointFields(
        { url: 'https://a.example/', eventTypes: ['invitation.sent'], description: 'x' },
        stored
      )
    ).toEqual(['description'])
    expect(
      changedEndpointFields(
        { url: 'https://b.example/', eventTypes: ['invitation.queued'] },
        stored
      )
    ).toEqual(['url', 'eventTypes'])
  })

  it('keeps the replaced secret for WEBHOOK_SECRET_OVERLAP_HOURS', () => {
    expect(previousSecretExpiry(new Date('2026-01-01T10:00:00Z')).toISOString()).toBe(
      '2026-01-02T10:00:00.000Z'
    )
  })

  it('redelivers terminal deliveries, hurries a pending one, leaves a sending one', () => {
    expect(['DELIVERED', 'FAILED', 'CANCELLED'].map((s) => redeliverAction(s as 'FAILED'))).toEqual(
      ['restart', 'restart', 'restart']
    )
    expect(redeliverAction('PENDING')).toBe('hurry')
    expect(redeliverAction('SENDING')).toBeNull()
  })

  it('refuses a test event or Redeliver on a disabled endpoint', () => {
    expect(requireEnabledEndpoint('ENABLED').ok).toBe(true)
    expect(requireEnabledEndpoint('DISABLED')).toEqual({
      ok: false,
      error: { code: 'WEBHOOK_ENDPOINT_DISABLED' },
    })
  })
})

import { describe, expect, it } from 'vitest'
import { endpointReceives, type FanOutEndpoint, type FanOutEvent } from './fan-out'

const PARTNER_A = '00000000-0000-4000-8000-00000000000a'
const PARTNER_B = '00000000-0000-4000-8000-00000000000b'
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute))

const event: FanOutEvent = {
  type: 'invitation.sent',
  partnerId: PARTNER_A,
  occurredAt: at(30),
}
const endpoint = (overrides: Partial<FanOutEndpoint> = {}): FanOutEndpoint => ({
  status: 'ENABLED',
  partnerId: PARTNER_A,
  eventTypes: ['invitation.queued', 'invitation.sent'],
  createdAt: at(0),
  ...overrides,
})
const moduleOn = { customerDevelopmentEnabled: true }
const moduleOff = { customerDevelopmentEnabled: false }

describe('endpointReceives (R127)', () => {
  it('gives a subscribed, enabled endpoint of the partner its event', () => {
    expect(endpointReceives(endpoint(), event, moduleOn)).toBe(true)
  })

  it('never gives a partner endpoint another partner’s event', () => {
    expect(endpointReceives(endpoint({ partnerId: PARTNER_B }), event, moduleOn)).toBe(false)
  })

  it('gives a platform endpoint every partner’s event, module off included', () => {
    expect(endpointReceives(endpoint({ partnerId: null }), event, null)).toBe(true)
    expect(
      endpointReceives(endpoint({ partnerId: null }), { ...event, partnerId: PARTNER_B }, null)
    ).toBe(true)
  })

  it('skips a partner endpoint while its partner’s module is off', () => {
    expect(endpointReceives(endpoint(), event, moduleOff)).toBe(false)
    expect(endpointReceives(endpoint(), event, null)).toBe(false)
  })

  it.each(['DISABLED', 'DELETED'] as const)('skips a %s endpoint', (status) => {
    expect(endpointReceives(endpoint({ status }), event, moduleOn)).toBe(false)
  })

  it('skips an endpoint not subscribed to the type', () => {
    expect(endpointReceives(endpoint({ eventTypes: ['invitation.queued'] }), event, moduleOn)).toBe(
      false
    )
  })

  it('gives an endpoint the events that occurred from its creation on', () => {
    expect(endpointReceives(endpoint({ createdAt: at(30) }), event, moduleOn)).toBe(true)
    expect(endpointReceives(endpoint({ createdAt: at(31) }), event, moduleOn)).toBe(false)
  })

  it('never fans a test event out', () => {
    const test: FanOutEvent = { ...event, type: 'webhook.test' }
    expect(endpointReceives(endpoint(), test, moduleOn)).toBe(false)
  })
})

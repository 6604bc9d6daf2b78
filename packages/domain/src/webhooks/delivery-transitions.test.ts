import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  cancelReasonOf,
  decideWebhookSettle,
  type WebhookSettleInput,
} from './delivery-transitions'

const HOUR = 3_600_000
const start = new Date(Date.UTC(2026, 11, 6, 0, 0))
const later = (ms: number) => new Date(start.getTime() + ms)

function input(overrides: Partial<WebhookSettleInput> = {}): WebhookSettleInput {
  return {
    delivered: false,
    delivery: { isTest: false, windowStartsAt: start, attemptInWindow: 1 },
    endpoint: { status: 'ENABLED', partnerId: 'p', failingSince: null },
    moduleEnabled: true,
    now: start,
    random: 0,
    ...overrides,
  }
}

describe('decideWebhookSettle: a 2xx (D3)', () => {
  it('delivers and clears the endpoint’s failing time', () => {
    const decision = decideWebhookSettle(input({ delivered: true }))
    expect(decision).toEqual({ delivery: { status: 'DELIVERED' }, endpoint: { kind: 'DELIVERED' } })
  })

  it('leaves the endpoint alone for a test delivery', () => {
    const test = input({ delivered: true, delivery: { ...input().delivery, isTest: true } })
    expect(decideWebhookSettle(test).endpoint).toEqual({ kind: 'NONE' })
  })

  it('delivers even when the endpoint was disabled while the request ran', () => {
    const endpoint = { status: 'DISABLED' as const, partnerId: 'p', failingSince: null }
    expect(decideWebhookSettle(input({ delivered: true, endpoint })).delivery.status).toBe(
      'DELIVERED'
    )
  })
})

describe('decideWebhookSettle: a failure', () => {
  it('retries after R132’s backoff with the webhook base (D4) and starts the failing time', () => {
    const decision = decideWebhookSettle(input({ random: 0 }))
    expect(decision.delivery).toEqual({ status: 'PENDING', runAfter: later(2_500) })
    expect(decision.endpoint).toEqual({ kind: 'FAILED', failingSince: start, disable: false })
  })

  it('doubles the delay per attempt in the window, capped at an hour', () => {
    const at = (n: number, random: number) =>
      decideWebhookSettle(
        input({ random, delivery: { isTest: false, windowStartsAt: start, attemptInWindow: n } })
      ).delivery
    expect(at(2, 0.999_999)).toEqual({ status: 'PENDING', runAfter: later(10_000) })
    expect(at(3, 0)).toEqual({ status: 'PENDING', runAfter: later(10_000) })
    expect(at(20, 0)).toEqual({ status: 'PENDING', runAfter: later(HOUR / 2) })
  })

  it('fails for good when the next retry falls after the window (D5)', () => {
    const now = later(24 * HOUR - 1_000)
    const decision = decideWebhookSettle(
      input({ now, endpoint: { status: 'ENABLED', partnerId: 'p', failingSince: now } })
    )
    expect(decision.delivery).toEqual({ status: 'FAILED' })
  })

  it('never retries a test delivery and never touches the endpoint for it', () => {
    const test = input({ delivery: { ...input().delivery, isTest: true } })
    expect(decideWebhookSettle(test)).toEqual({
      delivery: { status: 'FAILED' },
      endpoint: { kind: 'NONE' },
    })
  })

  it.each([
    ['DISABLED', 'p', true, 'ENDPOINT_DISABLED'],
    ['DELETED', 'p', true, 'ENDPOINT_DELETED'],
    ['ENABLED', 'p', false, 'MODULE_DISABLED'],
  ] as const)(
    'cancels when the endpoint is %s (module on: %s) (D6)',
    (status, partnerId, on, why) => {
      const decision = decideWebhookSettle(
        input({ endpoint: { status, partnerId, failingSince: null }, moduleEnabled: on })
      )
      expect(decision).toEqual({
        delivery: { status: 'CANCELLED', cancelReason: why },
        endpoint: { kind: 'NONE' },
      })
    }
  )

  it('keeps retrying a platform endpoint whatever the module says', () => {
    const endpoint = { status: 'ENABLED' as const, partnerId: null, failingSince: null }
    const decision = decideWebhookSettle(input({ endpoint, moduleEnabled: false }))
    expect(decision.delivery.status).toBe('PENDING')
  })
})

describe('decideWebhookSettle: a day of failures (W4, R134)', () => {
  const failingFor = (ms: number) =>
    decideWebhookSettle(
      input({
        now: later(ms),
        delivery: { isTest: false, windowStartsAt: later(ms - HOUR), attemptInWindow: 1 },
        endpoint: { status: 'ENABLED', partnerId: 'p', failingSince: start },
      })
    )

  it('keeps the endpoint just short of the day', () => {
    const decision = failingFor(24 * HOUR - 1)
    expect(decision.endpoint).toEqual({ kind: 'FAILED', failingSince: start, disable: false })
    expect(decision.delivery.status).toBe('PENDING')
  })

  it('disables it at the day and cancels the retry with the other pending deliveries', () => {
    const decision = failingFor(24 * HOUR)
    expect(decision.endpoint).toEqual({ kind: 'FAILED', failingSince: start, disable: true })
    expect(decision.delivery).toEqual({ status: 'CANCELLED', cancelReason: 'ENDPOINT_DISABLED' })
  })

  it('follows the configured hours', () => {
    const limits = {
      WEBHOOK_RETRY_WINDOW_HOURS: 24,
      WEBHOOK_BACKOFF_BASE_SECONDS: 5,
      WEBHOOK_BACKOFF_CAP_SECONDS: 3600,
      WEBHOOK_DISABLE_AFTER_HOURS: 2,
    }
    const decision = decideWebhookSettle(
      input({
        limits,
        now: later(2 * HOUR),
        endpoint: { status: 'ENABLED', partnerId: null, failingSince: start },
      })
    )
    expect(decision.endpoint).toMatchObject({ disable: true })
  })
})

describe('decideWebhookSettle properties', () => {
  it('schedules a retry only inside the window, never before now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 30 * HOUR }),
        (n, random, elapsed) => {
          const now = later(elapsed)
          const decision = decideWebhookSettle(
            input({
              now,
              random,
              delivery: { isTest: false, windowStartsAt: start, attemptInWindow: n },
              endpoint: { status: 'ENABLED', partnerId: 'p', failingSince: now },
            })
          )
          const next = decision.delivery
          const wait = next.status === 'PENDING' ? next.runAfter.getTime() - now.getTime() : 0
          const inWindow =
            next.status !== 'PENDING' || next.runAfter.getTime() <= start.getTime() + 24 * HOUR
          expect(['PENDING', 'FAILED']).toContain(next.status)
          expect(inWindow).toBe(true)
          expect(wait).toBeGreaterThanOrEqual(0)
          expect(wait).toBeLessThanOrEqual(HOUR)
        }
      )
    )
  })
})

describe('cancelReasonOf (D2, D6)', () => {
  it('lets an enabled endpoint be attempted', () => {
    expect(cancelReasonOf({ status: 'ENABLED', partnerId: 'p' }, true)).toBeNull()
    expect(cancelReasonOf({ status: 'ENABLED', partnerId: null }, false)).toBeNull()
  })
})

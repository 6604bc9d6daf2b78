// Issue 20 (R115): INVITATION_REMINDER_HOURS as the API, the dispatcher and the worker read it.
import { describe, expect, it } from 'vitest'
import { configFromEnv } from './config'
import { readEnv } from './env'
import { dispatcherConfigFromEnv } from './outbox/dispatcher-config'
import { readWorkerEnv } from './worker/worker-env'

describe('INVITATION_REMINDER_HOURS', () => {
  it('defaults to min(48, INVITATION_TTL_DAYS × 12) when unset or blank', () => {
    expect(readEnv({}).INVITATION_REMINDER_HOURS).toBe(48)
    expect(readEnv({ INVITATION_TTL_DAYS: '3' }).INVITATION_REMINDER_HOURS).toBe(36)
    expect(readEnv({ INVITATION_TTL_DAYS: '1' }).INVITATION_REMINDER_HOURS).toBe(12)
    expect(readEnv({ INVITATION_REMINDER_HOURS: ' ' }).INVITATION_REMINDER_HOURS).toBe(48)
  })

  it('takes an explicit integer 0 … INVITATION_TTL_DAYS × 24 − 1; 0 turns reminders off', () => {
    expect(readEnv({ INVITATION_REMINDER_HOURS: '0' }).INVITATION_REMINDER_HOURS).toBe(0)
    expect(readEnv({ INVITATION_REMINDER_HOURS: '167' }).INVITATION_REMINDER_HOURS).toBe(167)
    const env = readEnv({ INVITATION_REMINDER_HOURS: '30', INVITATION_TTL_DAYS: '2' })
    expect(configFromEnv(env).invitationReminderHours).toBe(30)
    expect(dispatcherConfigFromEnv(env).invitationReminderHours).toBe(30)
  })

  it.each([
    ['168', '7'],
    ['24', '1'],
    ['-1', '7'],
    ['1.5', '7'],
    ['0x10', '7'],
    ['1e1', '7'],
    ['soon', '7'],
  ])('refuses %s with INVITATION_TTL_DAYS=%s, naming the variable and its range', (hours, ttl) => {
    const read = () => readEnv({ INVITATION_REMINDER_HOURS: hours, INVITATION_TTL_DAYS: ttl })
    expect(read).toThrow(/Invalid environment:\n {2}INVITATION_REMINDER_HOURS: /)
    expect(read).toThrow(`from 0 to ${Number(ttl) * 24 - 1}`)
  })

  it('refuses it on the worker as on Node', () => {
    expect(() =>
      readWorkerEnv({
        APP_ENV: 'test',
        INVITATION_REMINDER_HOURS: '999',
      })
    ).toThrow(/INVITATION_REMINDER_HOURS/)
  })
})

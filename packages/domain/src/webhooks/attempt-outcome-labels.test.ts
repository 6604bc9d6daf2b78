import { describe, expect, it } from 'vitest'
import { LOCALES } from '../core/locale'
import {
  WEBHOOK_ATTEMPT_OUTCOME_LABELS,
  webhookAttemptOutcomeLabel,
} from './attempt-outcome-labels'
import { WEBHOOK_ATTEMPT_OUTCOMES } from './webhook-values'

describe('the attempt outcome labels (domain.md §13.4.2)', () => {
  it('label every outcome in every locale', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(WEBHOOK_ATTEMPT_OUTCOME_LABELS[locale]).sort()).toEqual(
        [...WEBHOOK_ATTEMPT_OUTCOMES].sort()
      )
    }
  })

  it('put the status code into an HTTP answer', () => {
    expect(webhookAttemptOutcomeLabel({ outcome: 'HTTP', statusCode: 503 }, 'en')).toBe('HTTP 503')
    expect(webhookAttemptOutcomeLabel({ outcome: 'HTTP', statusCode: 410 }, 'zh-CN')).toBe(
      'HTTP 410'
    )
  })

  it('say the timeout it was given, 10 seconds by default', () => {
    const timeout = { outcome: 'TIMEOUT', statusCode: null } as const
    expect(webhookAttemptOutcomeLabel(timeout, 'en')).toBe('No answer within 10 s')
    expect(webhookAttemptOutcomeLabel(timeout, 'zh-CN')).toBe('10 秒内无响应')
    expect(webhookAttemptOutcomeLabel(timeout, 'en', 30)).toBe('No answer within 30 s')
  })

  it('read verbatim for the reasons no answer came', () => {
    const label = (
      outcome: 'DNS_FAILED' | 'ADDRESS_NOT_ALLOWED' | 'TLS_FAILED',
      locale: 'en' | 'zh-CN'
    ) => webhookAttemptOutcomeLabel({ outcome, statusCode: null }, locale)
    expect(label('DNS_FAILED', 'en')).toBe('Host name not found')
    expect(label('ADDRESS_NOT_ALLOWED', 'zh-CN')).toBe('地址不允许(私有或本地网络)')
    expect(label('TLS_FAILED', 'en')).toBe('TLS handshake or certificate check failed')
  })
})

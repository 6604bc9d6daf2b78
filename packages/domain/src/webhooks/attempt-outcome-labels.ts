// The labels of an attempt's outcome (domain.md §13.4.2), shared by the delivery log, the test
// event's answer and the endpoint disabled email, so all three say the same words.

import { DEFAULT_LIMITS } from '../core/limits'
import type { Locale } from '../core/locale'
import type { WebhookAttemptOutcome } from './webhook-values'

/**
 * The outcome labels per locale, verbatim from §13.4.2. `{status}` is the HTTP status code and
 * `{seconds}` the attempt timeout (`limits.webhookTimeoutSeconds`).
 *
 * @example
 * WEBHOOK_ATTEMPT_OUTCOME_LABELS.en.TIMEOUT // 'No answer within {seconds} s'
 */
export const WEBHOOK_ATTEMPT_OUTCOME_LABELS: Readonly<
  Record<Locale, Readonly<Record<WebhookAttemptOutcome, string>>>
> = {
  en: {
    HTTP: 'HTTP {status}',
    TIMEOUT: 'No answer within {seconds} s',
    DNS_FAILED: 'Host name not found',
    ADDRESS_NOT_ALLOWED: 'Address not allowed (private or local network)',
    CONNECTION_FAILED: 'Connection failed',
    TLS_FAILED: 'TLS handshake or certificate check failed',
  },
  'zh-CN': {
    HTTP: 'HTTP {status}',
    TIMEOUT: '{seconds} 秒内无响应',
    DNS_FAILED: '无法解析主机名',
    ADDRESS_NOT_ALLOWED: '地址不允许(私有或本地网络)',
    CONNECTION_FAILED: '连接失败',
    TLS_FAILED: 'TLS 握手或证书校验失败',
  },
}

/** One attempt's result as the attempt row (and the delivery's last columns) hold it. */
export interface WebhookAttemptResult {
  outcome: WebhookAttemptOutcome
  /** The answer's status code; set exactly when `outcome` is `HTTP`. */
  statusCode: number | null
}

/**
 * The label of an attempt's outcome in a locale: `HTTP 503` for an answer, else the reason no
 * answer came. `timeoutSeconds` defaults to `WEBHOOK_TIMEOUT_SECONDS`; pass the configured one.
 *
 * @example
 * webhookAttemptOutcomeLabel({ outcome: 'HTTP', statusCode: 503 }, 'en') // 'HTTP 503'
 * webhookAttemptOutcomeLabel({ outcome: 'TIMEOUT', statusCode: null }, 'zh-CN') // '10 秒内无响应'
 */
export function webhookAttemptOutcomeLabel(
  attempt: WebhookAttemptResult,
  locale: Locale,
  timeoutSeconds: number = DEFAULT_LIMITS.WEBHOOK_TIMEOUT_SECONDS
): string {
  const label = WEBHOOK_ATTEMPT_OUTCOME_LABELS[locale][attempt.outcome]
  return label
    .replace('{status}', String(attempt.statusCode ?? ''))
    .replace('{seconds}', String(timeoutSeconds))
}

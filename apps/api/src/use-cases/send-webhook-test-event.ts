import type { WebhookTestEventAnswer, WebhookTestEventBody } from '@partner-center/contracts'
import {
  webhookDeliveries,
  webhookEvents,
  type WebhookEndpointRow,
} from '@partner-center/db/schema'
import {
  DEFAULT_LIMITS,
  requireEnabledEndpoint,
  WEBHOOK_TEST_EVENT_TYPE,
} from '@partner-center/domain'
import type { AppDeps, RequestMeta } from '../deps'
import { AppError, toAppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import { isoTimestamp } from '../presenters/iso-timestamp'
import { hitRateLimit, secondsLeftInWindow } from '../security/rate-limit'
import { endpointAuditEntry } from './webhook-endpoint-audit'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'

/** The body of a test event (R137, R125): one line of JSON, in the contracts' field order. */
function testPayload(endpoint: WebhookEndpointRow, now: Date): string {
  const at = isoTimestamp(now)
  const body: WebhookTestEventBody = {
    type: WEBHOOK_TEST_EVENT_TYPE,
    timestamp: at,
    data: { occurredAt: at, partnerId: endpoint.partnerId, endpointId: endpoint.id, test: true },
  }
  return JSON.stringify(body)
}

/** Counts the request in `webhook-test:{endpointId}`; beyond the limit 429 (R137). */
async function countTestEvent(deps: AppDeps, endpointId: string, now: Date): Promise<void> {
  const window = { bucketKey: `webhook-test:${endpointId}`, windowSeconds: 60, now }
  const count = await hitRateLimit(deps.db, window)
  if (count > DEFAULT_LIMITS.WEBHOOK_TEST_EVENTS_PER_MINUTE) {
    throw AppError.of('RATE_LIMITED', { retryAfterSeconds: secondsLeftInWindow(window) })
  }
}

/**
 * `POST …/webhook-endpoints/{id}/test` (R137): on the owner's `ENABLED` endpoint (else
 * `WEBHOOK_ENDPOINT_DISABLED`), at most `WEBHOOK_TEST_EVENTS_PER_MINUTE` per endpoint (else 429
 * `RATE_LIMITED` with `Retry-After`), writes in one transaction a `webhook.test` event aimed at
 * this endpoint only and already fanned out, and its one test delivery `PENDING` now (D1). The
 * dispatcher attempts it once. Audited `webhook_endpoint.test_sent`.
 */
export async function sendWebhookTestEvent(
  deps: AppDeps,
  options: RequestMeta & { owner: ConfigurationOwner; id: string }
): Promise<WebhookTestEventAnswer> {
  const { owner } = options
  const now = deps.clock.now()
  const seen = await requireOwnedWebhookEndpoint(deps.db, owner, options.id)
  const enabled = requireEnabledEndpoint(seen.endpoint.status)
  if (!enabled.ok) throw toAppError(enabled.error)
  await countTestEvent(deps, seen.endpoint.id, now)
  return deps.db.transaction(async (tx) => {
    // FOR SHARE: a disable waits for this delivery and then cancels it, or runs first and
    // this request sees DISABLED (§13.4.1).
    const current = await requireOwnedWebhookEndpoint(tx, owner, options.id, 'share')
    const stillEnabled = requireEnabledEndpoint(current.endpoint.status)
    if (!stillEnabled.ok) throw toAppError(stillEnabled.error)
    const endpoint = current.endpoint
    const eventId = crypto.randomUUID()
    const deliveryId = crypto.randomUUID()
    await tx.insert(webhookEvents).values({
      id: eventId,
      type: WEBHOOK_TEST_EVENT_TYPE,
      partnerId: endpoint.partnerId,
      occurredAt: now,
      payload: testPayload(endpoint, now),
      targetEndpointId: endpoint.id,
      fannedOutAt: now,
    })
    await tx.insert(webhookDeliveries).values({
      id: deliveryId,
      eventId,
      endpointId: endpoint.id,
      eventPartnerId: endpoint.partnerId,
      endpointPartnerId: endpoint.partnerId,
      isTest: true,
      status: 'PENDING',
      runAfter: now,
      windowStartsAt: now,
      createdAt: now,
    })
    const entries = [
      endpointAuditEntry(owner, 'webhook_endpoint.test_sent', endpoint, { eventId, deliveryId }),
    ]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
    return { eventId, deliveryId }
  })
}

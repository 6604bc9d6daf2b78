import type { WebhookEndpointItem } from '@partner-center/contracts'
import type { WebhookEndpointRow } from '@partner-center/db/schema'
import {
  changedEndpointFields,
  decideWebhookEndpointInput,
  switchTransition,
} from '@partner-center/domain'
import type { AppDeps, RequestMeta } from '../deps'
import { recordAudits, type AuditEntry } from '../persistence/audit'
import { cancelPendingDeliveries, updateWebhookEndpoint } from '../persistence/webhook-endpoints'
import { toWebhookEndpointItem } from '../presenters/webhook-endpoint-item'
import { endpointAuditEntry } from './webhook-endpoint-audit'
import { endpointInputError } from './webhook-input-error'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'
import { webhookUrlOptions } from './webhook-url-options'

/** Options of {@link changeWebhookEndpoint}: any non-empty subset of the fields (the schema). */
export interface ChangeWebhookEndpointOptions extends RequestMeta {
  owner: ConfigurationOwner
  id: string
  url?: string
  eventTypes?: readonly string[]
  description?: string
  enabled?: boolean
}

/** W2's or W3's new values at `now` (§13.4.1). */
function switchedValues(
  transition: 'disable' | 'enable',
  owner: ConfigurationOwner,
  now: Date
): Partial<WebhookEndpointRow> {
  if (transition === 'disable') {
    return {
      status: 'DISABLED',
      disabledReason: 'USER',
      disabledAt: now,
      disabledByUserId: owner.userId,
    }
  }
  return {
    status: 'ENABLED',
    disabledReason: null,
    disabledAt: null,
    disabledByUserId: null,
    failingSince: null,
  }
}

/**
 * `PATCH …/webhook-endpoints/{id}` (R126): the fields are validated first; then, in one
 * transaction with the endpoint locked `FOR UPDATE` (else `NOT_FOUND`), the URL is checked, W5
 * writes the fields that really change (audited with their names), and W2 or W3 follows when
 * `enabled` differs from the state. W2 cancels the endpoint's `PENDING` deliveries
 * (`ENDPOINT_DISABLED`); W3 clears the disabled fields and `failingSince` and replays nothing. A
 * change that changes nothing writes nothing and answers 200.
 */
export async function changeWebhookEndpoint(
  deps: AppDeps,
  options: ChangeWebhookEndpointOptions
): Promise<WebhookEndpointItem> {
  const { owner } = options
  const decided = decideWebhookEndpointInput(
    { url: options.url, eventTypes: options.eventTypes, description: options.description },
    webhookUrlOptions(deps.config)
  )
  // R121: VALIDATION_FAILED, then NOT_FOUND, then the URL's codes (the operation's rules).
  if (!decided.ok && decided.error.code === 'VALIDATION_FAILED') {
    throw endpointInputError(decided.error)
  }
  const now = deps.clock.now()
  const found = await deps.db.transaction(async (tx) => {
    const current = await requireOwnedWebhookEndpoint(tx, owner, options.id, 'update')
    if (!decided.ok) throw endpointInputError(decided.error)
    const plan = decided.value
    let endpoint = current.endpoint
    const entries: AuditEntry[] = []
    const changed = changedEndpointFields(plan, endpoint)
    if (changed.length > 0) {
      endpoint = await updateWebhookEndpoint(tx, endpoint.id, { ...plan, updatedAt: now })
      entries.push(endpointAuditEntry(owner, 'webhook_endpoint.updated', endpoint, { changed }))
    }
    const transition = switchTransition(endpoint.status, options.enabled)
    if (transition !== null) {
      endpoint = await updateWebhookEndpoint(tx, endpoint.id, {
        ...switchedValues(transition, owner, now),
        updatedAt: now,
      })
      if (transition === 'disable') {
        await cancelPendingDeliveries(tx, endpoint.id, 'ENDPOINT_DISABLED')
        entries.push(
          endpointAuditEntry(owner, 'webhook_endpoint.disabled', endpoint, { reason: 'USER' })
        )
      } else {
        entries.push(endpointAuditEntry(owner, 'webhook_endpoint.enabled', endpoint))
      }
    }
    await recordAudits(tx, { now, requestId: options.requestId, entries })
    return { endpoint, creatorName: current.creatorName }
  })
  return toWebhookEndpointItem(found)
}

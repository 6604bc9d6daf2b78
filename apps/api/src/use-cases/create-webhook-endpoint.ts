import type { CreatedWebhookEndpoint } from '@partner-center/contracts'
import { webhookEndpoints } from '@partner-center/db/schema'
import { checkEndpointLimit, decideWebhookEndpointInput } from '@partner-center/domain'
import type { AppDeps, RequestMeta } from '../deps'
import { toAppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import {
  countLiveWebhookEndpoints,
  lockOwnerWebhookEndpoints,
} from '../persistence/webhook-endpoints'
import { toWebhookEndpointItem } from '../presenters/webhook-endpoint-item'
import { sealWebhookSecret } from '../webhooks/webhook-secrets'
import { newWebhookSecret } from '../webhooks/sign-webhook'
import { endpointAuditEntry } from './webhook-endpoint-audit'
import { endpointInputError } from './webhook-input-error'
import type { ConfigurationOwner } from './configuration-owner'
import { webhookUrlOptions } from './webhook-url-options'

/** Options of {@link createWebhookEndpoint}. */
export interface CreateWebhookEndpointOptions extends RequestMeta {
  owner: ConfigurationOwner
  url: string
  eventTypes: readonly string[]
  description?: string
  enabled?: boolean
}

/**
 * `POST …/webhook-endpoints` (R126, W1): the input is decided first (`VALIDATION_FAILED`,
 * `WEBHOOK_URL_INVALID`, `WEBHOOK_URL_NOT_ALLOWED`); then, under the owner's transaction lock,
 * the endpoints not `DELETED` are counted (`WEBHOOK_ENDPOINT_LIMIT` at `WEBHOOK_ENDPOINTS_MAX`)
 * and the endpoint inserted with its sealed secret and its audit event. The answer is the only
 * place the secret appears besides a rotation's (R128).
 */
export async function createWebhookEndpoint(
  deps: AppDeps,
  options: CreateWebhookEndpointOptions
): Promise<CreatedWebhookEndpoint> {
  const { owner } = options
  const decided = decideWebhookEndpointInput(
    { url: options.url, eventTypes: options.eventTypes, description: options.description ?? '' },
    webhookUrlOptions(deps.config)
  )
  if (!decided.ok) throw endpointInputError(decided.error)
  const { url, eventTypes, description } = decided.value
  if (url === undefined || eventTypes === undefined) throw new Error('webhook endpoint: no plan')
  const enabled = options.enabled ?? true
  const now = deps.clock.now()
  const secret = newWebhookSecret()
  const sealed = await sealWebhookSecret(deps.keyring, secret)
  const row = await deps.db.transaction(async (tx) => {
    await lockOwnerWebhookEndpoints(tx, owner.partnerId)
    const limit = checkEndpointLimit(await countLiveWebhookEndpoints(tx, owner.partnerId))
    if (!limit.ok) throw toAppError(limit.error)
    const [inserted] = await tx
      .insert(webhookEndpoints)
      .values({
        id: crypto.randomUUID(),
        partnerId: owner.partnerId,
        url,
        eventTypes,
        description: description ?? '',
        status: enabled ? 'ENABLED' : 'DISABLED',
        disabledReason: enabled ? null : 'USER',
        disabledAt: enabled ? null : now,
        disabledByUserId: enabled ? null : owner.userId,
        secretCiphertext: sealed.ciphertext,
        secretKeyId: sealed.keyId,
        createdByUserId: owner.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!inserted) throw new Error('webhook endpoint: insert returned no row')
    const entries = [
      endpointAuditEntry(owner, 'webhook_endpoint.created', inserted, {
        status: inserted.status,
      }),
    ]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
    return inserted
  })
  return { ...toWebhookEndpointItem({ endpoint: row, creatorName: owner.displayName }), secret }
}

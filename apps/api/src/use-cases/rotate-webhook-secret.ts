import type { RotatedWebhookSecret } from '@partner-center/contracts'
import { previousSecretExpiry } from '@partner-center/domain'
import type { AppDeps, RequestMeta } from '../deps'
import { recordAudits } from '../persistence/audit'
import { updateWebhookEndpoint } from '../persistence/webhook-endpoints'
import { isoTimestamp } from '../presenters/iso-timestamp'
import { newWebhookSecret } from '../webhooks/sign-webhook'
import { sealWebhookSecret } from '../webhooks/webhook-secrets'
import { endpointAuditEntry } from './webhook-endpoint-audit'
import type { ConfigurationOwner } from './configuration-owner'
import { requireOwnedWebhookEndpoint } from './owned-webhook-endpoint'

/**
 * `POST …/webhook-endpoints/{id}/rotate-secret` (W6, R129): a new secret becomes current and the
 * replaced one the previous until `now + WEBHOOK_SECRET_OVERLAP_HOURS`; a previous one still in
 * its window is dropped (never more than two). Answers the new secret, this once (R128).
 */
export async function rotateWebhookSecret(
  deps: AppDeps,
  options: RequestMeta & { owner: ConfigurationOwner; id: string }
): Promise<RotatedWebhookSecret> {
  const { owner } = options
  const now = deps.clock.now()
  const secret = newWebhookSecret()
  const sealed = await sealWebhookSecret(deps.keyring, secret)
  const expiresAt = previousSecretExpiry(now)
  await deps.db.transaction(async (tx) => {
    const current = await requireOwnedWebhookEndpoint(tx, owner, options.id, 'update')
    const endpoint = await updateWebhookEndpoint(tx, current.endpoint.id, {
      secretCiphertext: sealed.ciphertext,
      secretKeyId: sealed.keyId,
      previousSecretCiphertext: current.endpoint.secretCiphertext,
      previousSecretKeyId: current.endpoint.secretKeyId,
      previousSecretExpiresAt: expiresAt,
      secretRotatedAt: now,
      updatedAt: now,
    })
    const entries = [
      endpointAuditEntry(owner, 'webhook_endpoint.secret_rotated', endpoint, {
        previousSecretExpiresAt: isoTimestamp(expiresAt),
      }),
    ]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
  })
  return { secret, previousSecretExpiresAt: isoTimestamp(expiresAt) }
}

import { apiKeys } from '@partner-center/db/schema'
import { decideApiKeyCreation, type ApiKeyRole } from '@partner-center/domain'
import type { AppDeps, RequestMeta } from '../deps'
import { fieldValidationError, toAppError } from '../errors'
import { countActiveApiKeys, lockOwnerApiKeys } from '../persistence/api-keys'
import { recordAudits } from '../persistence/audit'
import { toApiKeyItem } from '../presenters/api-key-item'
import { issueApiKey } from '../security/api-keys'
import { apiKeyAuditEntry } from './api-key-audit'
import type { ConfigurationOwner } from './configuration-owner'

/** Options of {@link createApiKey}. */
export interface CreateApiKeyOptions extends RequestMeta {
  owner: ConfigurationOwner
  name: string
  role: string
  /** The roles the owner may give: the partner roles by default, `ecosystem_manager` for the platform. */
  allowedRoles?: readonly ApiKeyRole[]
}

/**
 * `POST …/api-keys` (R139, K1): the name and role are decided first (`VALIDATION_FAILED`,
 * `account_manager` with `ROLE_NOT_ALLOWED_FOR_KEY`); then, under the owner's transaction lock,
 * the `ACTIVE` keys are counted (`API_KEY_LIMIT` at `API_KEYS_MAX`) and the key inserted with
 * its audit event. Only the key's SHA-256 and prefix are stored; the answer is the only place
 * the key appears.
 */
export async function createApiKey(deps: AppDeps, options: CreateApiKeyOptions) {
  const { owner, allowedRoles } = options
  const request = { name: options.name, role: options.role }
  const shape = decideApiKeyCreation({ request, activeKeys: 0, allowedRoles })
  if (!shape.ok) throw fieldValidationError(shape.error)
  const now = deps.clock.now()
  const { key, stored } = await issueApiKey()
  const row = await deps.db.transaction(async (tx) => {
    await lockOwnerApiKeys(tx, owner.partnerId)
    const activeKeys = await countActiveApiKeys(tx, owner.partnerId)
    const plan = decideApiKeyCreation({ request, activeKeys, allowedRoles })
    if (!plan.ok) throw toAppError(plan.error)
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        id: crypto.randomUUID(),
        partnerId: owner.partnerId,
        role: plan.value.role,
        name: plan.value.name,
        ...stored,
        status: 'ACTIVE',
        createdByUserId: owner.userId,
        createdAt: now,
      })
      .returning()
    if (!inserted) throw new Error('api key: insert returned no row')
    const entries = [apiKeyAuditEntry(owner, 'api_key.created', inserted)]
    await recordAudits(tx, { now, requestId: options.requestId, entries })
    return inserted
  })
  return { ...toApiKeyItem({ key: row, creatorName: owner.displayName }), key }
}

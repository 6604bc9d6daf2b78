import { checkBatchSize, type AssociationType } from '@partner-center/domain'
import type { AppDeps, PartnerScope, RequestMeta } from '../deps'
import { toAppError } from '../errors'
import { queueBatchOnce } from '../steps/queue-invitation-batch'

/** Options of {@link sendInvitations}. */
export interface SendInvitationsOptions extends RequestMeta {
  scope: PartnerScope
  preregistrationIds: string[]
  associationType?: AssociationType
  idempotencyKey?: string
}

/**
 * `POST …/invitations` (R36–R44): `BATCH_TOO_LARGE` is checked before the Idempotency-Key and the
 * type checks after it (R36 order); everything else is one transaction (R41). Returns the exact
 * answer bytes, stored for replays.
 */
export async function sendInvitations(deps: AppDeps, options: SendInvitationsOptions) {
  const size = checkBatchSize(options.preregistrationIds)
  if (!size.ok) throw toAppError(size.error)
  const associationType = options.associationType ?? 'reseller'
  return queueBatchOnce(deps, {
    scope: options.scope,
    idempotencyKey: options.idempotencyKey,
    canonicalRequest: {
      method: 'POST',
      path: '/api/v1/customer-development/invitations',
      body: { preregistrationIds: options.preregistrationIds, associationType },
    },
    preregistrationIds: options.preregistrationIds,
    associationType,
    kind: 'INVITE',
    requestId: options.requestId,
  })
}

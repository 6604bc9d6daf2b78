import type { Database } from '@partner-center/db/portable'
import {
  decideWebhookSettle,
  type WebhookSettleDecision,
  type WebhookSettleLimits,
} from '@partner-center/domain'
import type { ClaimedDelivery } from './claim-deliveries'
import type { MadeAttempt } from './deliver-webhook-attempt'
import { disableFailingEndpoint } from './settle-disable-endpoint'
import { heldDeliveries, lockEndpoints, type EndpointState } from './settle-webhook-reads'
import {
  writeSettledGroup,
  type DecidedAttempt,
  type EndpointChange,
} from './settle-webhook-writes'

/** What a settle needs besides the attempts. */
export interface SettleOptions {
  /** The settle's clock. */
  now: Date
  /** Jitter source in [0, 1) for the retries' backoff (R132). */
  random: () => number
  limits: WebhookSettleLimits
}

/** One attempt to settle: the claim it was made under and what came of it. */
export interface AttemptToSettle {
  claimed: ClaimedDelivery
  made: MadeAttempt
}

/** The endpoint after one settle's change, for the next settle of the group. */
function endpointAfter(state: EndpointState, decision: WebhookSettleDecision): EndpointState {
  const change = decision.endpoint
  if (change.kind === 'DELIVERED') return { ...state, failingSince: null }
  if (change.kind === 'FAILED') {
    return {
      ...state,
      failingSince: change.failingSince,
      status: change.disable ? 'DISABLED' : state.status,
    }
  }
  return state
}

/**
 * Settles a group of attempts (D3–D6, W4) in one transaction, each only while its claim still
 * holds the delivery: the attempt rows, the deliveries' next states, and what the attempts
 * change on their endpoints. The attempts of one endpoint are decided one after the other on
 * the endpoint as the previous left it, so a W4 in the group turns the later failures into D6;
 * W4 runs after the deliveries are written, so it cancels the group's retries too. One
 * transaction for many attempts keeps the endpoints' row locks short. Returns, per attempt,
 * whether its claim still held the delivery; when it did not (the lease lapsed and another
 * dispatcher took it), nothing of it is written.
 *
 * @example
 * const held = await settleWebhookGroup(db, [{ claimed, made }], { now, random: Math.random, limits })
 */
export async function settleWebhookGroup(
  db: Database,
  group: readonly AttemptToSettle[],
  options: SettleOptions
): Promise<boolean[]> {
  if (group.length === 0) return []
  return db.transaction(async (tx) => {
    const endpointIds = [...new Set(group.map(({ claimed }) => claimed.endpointId))].sort()
    const endpoints = await lockEndpoints(tx, endpointIds)
    const held = await heldDeliveries(
      tx,
      group.map(({ claimed }) => claimed)
    )
    const decided: DecidedAttempt[] = []
    const changed = new Map<string, EndpointChange>()
    const disabled: string[] = []
    for (const { claimed, made } of group) {
      const delivery = held.get(claimed.id)
      const endpoint = endpoints.get(claimed.endpointId)
      if (!delivery || !endpoint) continue
      const decision = decideWebhookSettle({
        delivered: made.result.delivered,
        delivery: { isTest: claimed.isTest, ...delivery },
        endpoint,
        moduleEnabled: endpoint.moduleEnabled,
        now: options.now,
        random: options.random(),
        limits: options.limits,
      })
      decided.push({ claimed, made, decision })
      if (decision.endpoint.kind === 'NONE') continue
      const state = endpointAfter(endpoint, decision)
      endpoints.set(claimed.endpointId, state)
      const delivered = decision.endpoint.kind === 'DELIVERED'
      const before = changed.get(claimed.endpointId)
      changed.set(claimed.endpointId, { state, delivered: delivered || before?.delivered === true })
      if (decision.endpoint.kind === 'FAILED' && decision.endpoint.disable) {
        disabled.push(claimed.endpointId)
      }
    }
    if (decided.length > 0) {
      await writeSettledGroup(tx, decided, changed, options.now)
      for (const endpointId of disabled) {
        await disableFailingEndpoint(tx, { endpointId, now: options.now })
      }
    }
    return group.map(({ claimed }) => held.has(claimed.id) && endpoints.has(claimed.endpointId))
  })
}

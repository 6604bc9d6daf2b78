import { DEFAULT_LIMITS, type Limits } from '../core/limits'
import type { DomainError, FieldIssue, Result } from '../core/result'
import { fail, ok, validationFailed } from '../core/result'
import { hasControlCharacter } from '../identity/control-characters'
import { inCatalogueOrder, isWebhookEventType, type WebhookEventType } from './event-types'
import type { WebhookDeliveryStatus, WebhookEndpointStatus } from './webhook-values'
import { checkWebhookUrl, type WebhookUrlOptions } from './webhook-url'

// The decisions of managing a webhook endpoint (domain.md §13.4.1, R126, R129, R137, R138),
// pure: the counts, states and instants come in.

/**
 * An endpoint's input after the schema (R126): every field of a creation, any subset of a change.
 *
 * @example
 * const input: WebhookEndpointInput = { url: 'https://crm.example.com/in', eventTypes: ['invitation.sent'] }
 */
export interface WebhookEndpointInput {
  url?: string
  eventTypes?: readonly string[]
  description?: string
}

/**
 * The fields to store: the URL as serialised (`href`), the types in catalogue order, the trimmed
 * description. A field absent from the input is absent here.
 *
 * @example
 * const plan: WebhookEndpointPlan = { url: 'https://crm.example.com/in', eventTypes: ['invitation.sent'] }
 */
export interface WebhookEndpointPlan {
  url?: string
  eventTypes?: WebhookEventType[]
  description?: string
}

const FORMAT = /\p{Cf}/u

function eventTypesIssue(types: readonly string[]): FieldIssue | null {
  const known = types.filter(isWebhookEventType)
  const distinct = new Set(types)
  if (types.length === 0 || known.length !== types.length || distinct.size !== types.length) {
    return { path: 'eventTypes', reason: 'UNKNOWN_EVENT_TYPE' }
  }
  return null
}

function descriptionIssue(description: string, limits: Limits): FieldIssue | null {
  if (Array.from(description).length > limits.WEBHOOK_DESCRIPTION_MAX) {
    return { path: 'description', reason: 'TOO_LONG' }
  }
  if (hasControlCharacter(description)) return { path: 'description', reason: 'CONTROL_CHARACTER' }
  if (FORMAT.test(description)) return { path: 'description', reason: 'FORMAT_CHARACTER' }
  return null
}

/**
 * Decides an endpoint's input in R126's order after R3: `VALIDATION_FAILED` (event types empty,
 * repeated, unknown or `webhook.test` with reason `UNKNOWN_EVENT_TYPE`; a description longer than
 * `WEBHOOK_DESCRIPTION_MAX` code points after trimming, or holding a control or format
 * character), then the URL's `WEBHOOK_URL_INVALID` and `WEBHOOK_URL_NOT_ALLOWED`
 * ({@link checkWebhookUrl}). `WEBHOOK_ENDPOINT_LIMIT` comes after, under the owner's lock
 * ({@link checkEndpointLimit}).
 *
 * @example
 * decideWebhookEndpointInput({ url: 'https://a.example/in', eventTypes: ['invitation.sent'] }, { production: true, policy: 'public' })
 * // ok({ url: 'https://a.example/in', eventTypes: ['invitation.sent'] })
 * decideWebhookEndpointInput({ eventTypes: ['webhook.test'] }, { production: false, policy: 'any' }).ok // false
 */
export function decideWebhookEndpointInput(
  input: WebhookEndpointInput,
  url: WebhookUrlOptions,
  limits: Limits = DEFAULT_LIMITS
): Result<WebhookEndpointPlan, DomainError> {
  const plan: WebhookEndpointPlan = {}
  const issues: FieldIssue[] = []
  if (input.eventTypes !== undefined) {
    const issue = eventTypesIssue(input.eventTypes)
    if (issue) issues.push(issue)
    else plan.eventTypes = inCatalogueOrder(input.eventTypes.filter(isWebhookEventType))
  }
  if (input.description !== undefined) {
    const description = input.description.trim()
    const issue = descriptionIssue(description, limits)
    if (issue) issues.push(issue)
    else plan.description = description
  }
  if (issues.length > 0) return validationFailed(issues)
  if (input.url !== undefined) {
    const checked = checkWebhookUrl(input.url, { maxLength: limits.WEBHOOK_URL_MAX, ...url })
    if (!checked.ok) return fail(checked.code)
    plan.url = checked.href
  }
  return ok(plan)
}

/**
 * W1's guard (R126): below `WEBHOOK_ENDPOINTS_MAX` endpoints not `DELETED`, counted by the caller
 * under the owner's transaction lock; else `WEBHOOK_ENDPOINT_LIMIT` with the maximum.
 *
 * @example
 * checkEndpointLimit(9) // ok(undefined)
 * checkEndpointLimit(10) // err WEBHOOK_ENDPOINT_LIMIT
 */
export function checkEndpointLimit(
  liveEndpoints: number,
  limits: Limits = DEFAULT_LIMITS
): Result<undefined, DomainError> {
  if (liveEndpoints >= limits.WEBHOOK_ENDPOINTS_MAX) {
    return fail('WEBHOOK_ENDPOINT_LIMIT', { max: limits.WEBHOOK_ENDPOINTS_MAX })
  }
  return ok(undefined)
}

/**
 * What `enabled` of a `PATCH` does to an endpoint (§13.4.1): W2 `disable` from `ENABLED`, W3
 * `enable` from `DISABLED`, nothing when it is absent or already the state (no audit then).
 *
 * @example
 * switchTransition('ENABLED', false) // 'disable'
 * switchTransition('DISABLED', false) // null
 */
export function switchTransition(
  status: WebhookEndpointStatus,
  enabled: boolean | undefined
): 'disable' | 'enable' | null {
  if (enabled === false && status === 'ENABLED') return 'disable'
  if (enabled === true && status === 'DISABLED') return 'enable'
  return null
}

/**
 * The names of the fields a W5 really changes, in a fixed order: those of the plan whose value
 * differs from the stored one. Empty: no W5, no audit.
 *
 * @example
 * changedEndpointFields({ description: 'a' }, { url: 'https://x/', eventTypes: [], description: 'a' }) // []
 */
export function changedEndpointFields(
  plan: WebhookEndpointPlan,
  stored: { url: string; eventTypes: readonly string[]; description: string }
): ('url' | 'eventTypes' | 'description')[] {
  const changed: ('url' | 'eventTypes' | 'description')[] = []
  if (plan.url !== undefined && plan.url !== stored.url) changed.push('url')
  if (plan.eventTypes !== undefined && plan.eventTypes.join() !== stored.eventTypes.join()) {
    changed.push('eventTypes')
  }
  if (plan.description !== undefined && plan.description !== stored.description) {
    changed.push('description')
  }
  return changed
}

/**
 * Until when the replaced secret still signs after a rotation at `now` (R129): `now +
 * WEBHOOK_SECRET_OVERLAP_HOURS`. A previous secret still inside its window is dropped.
 *
 * @example
 * previousSecretExpiry(new Date('2026-01-01T00:00:00Z')) // 2026-01-02T00:00:00.000Z
 */
export function previousSecretExpiry(now: Date, limits: Limits = DEFAULT_LIMITS): Date {
  return new Date(now.getTime() + limits.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000)
}

/**
 * What Redeliver does to a delivery (R138): D7 `restart` from a terminal state (a fresh window,
 * `PENDING` now), `hurry` a `PENDING` one (`runAfter` now), nothing for a `SENDING` one.
 *
 * @example
 * redeliverAction('FAILED') // 'restart'
 * redeliverAction('SENDING') // null
 */
export function redeliverAction(status: WebhookDeliveryStatus): 'restart' | 'hurry' | null {
  if (status === 'PENDING') return 'hurry'
  if (status === 'SENDING') return null
  return 'restart'
}

/**
 * The guard of Send test event and Redeliver (R137, R138): the endpoint must be `ENABLED`, else
 * `WEBHOOK_ENDPOINT_DISABLED`.
 *
 * @example
 * requireEnabledEndpoint('DISABLED') // err WEBHOOK_ENDPOINT_DISABLED
 */
export function requireEnabledEndpoint(
  status: WebhookEndpointStatus
): Result<undefined, DomainError> {
  return status === 'ENABLED' ? ok(undefined) : fail('WEBHOOK_ENDPOINT_DISABLED')
}

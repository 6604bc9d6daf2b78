import type { WebhookEventRowType } from './event-types'
import type { WebhookEndpointStatus } from './webhook-values'

// Which endpoints receive an event (domain.md §13, R127). The dispatcher's fan-out statement
// mirrors this decision in SQL; a test compares the two over a grid of cases.

/** What the fan-out reads of an endpoint. */
export interface FanOutEndpoint {
  status: WebhookEndpointStatus
  /** Null for a platform endpoint. */
  partnerId: string | null
  eventTypes: readonly string[]
  createdAt: Date
}

/** What the fan-out reads of an event. */
export interface FanOutEvent {
  type: WebhookEventRowType
  partnerId: string | null
  occurredAt: Date
}

/** What the fan-out reads of the endpoint's partner (none for a platform endpoint). */
export interface FanOutPartner {
  customerDevelopmentEnabled: boolean
}

/**
 * Whether the fan-out gives `endpoint` a delivery of `event` (R127): the endpoint is `ENABLED`,
 * subscribes to the type, existed when the event occurred, and is a platform endpoint or one of
 * the event's partner whose module is on. A test event never fans out (it has its one delivery
 * from the start, R137), and no endpoint subscribes to its type.
 *
 * @example
 * endpointReceives(platformEndpoint, event, null) // true when enabled and subscribed
 */
export function endpointReceives(
  endpoint: FanOutEndpoint,
  event: FanOutEvent,
  partner: FanOutPartner | null
): boolean {
  if (endpoint.status !== 'ENABLED') return false
  if (!endpoint.eventTypes.includes(event.type)) return false
  if (endpoint.createdAt.getTime() > event.occurredAt.getTime()) return false
  if (endpoint.partnerId === null) return true
  return endpoint.partnerId === event.partnerId && partner?.customerDevelopmentEnabled === true
}

import type { WebhookEventType } from '@partner-center/domain'
import type { TestApp } from '../helpers'
import { eventsOf } from '../webhook-events/webhook-event-reads'
import { statusesChangedBy, type StatusRun } from './state-coverage'

// Issue 21 (R124): besides the statuses a write path changes, the coverage tests read the webhook
// events written about each arranged row: exactly the event's type once for a row that changed,
// none for a row that did not (a guard that changes nothing writes nothing). Every body read
// must parse with the contracts schema of its type (eventsOf throws otherwise).

/** The types of the webhook events about one entity, in the order they were written. */
export async function webhookTypesOf(t: TestApp, entityId: string): Promise<string[]> {
  return (await eventsOf(t, entityId)).map((event) => event.type)
}

/** The statuses a path changed and, per status, the webhook event types of its row. */
export async function changesWithWebhookEvents<Status extends string, Arranged>(
  t: TestApp,
  run: StatusRun<Status, Arranged>,
  entityOf: (arranged: Arranged) => string
) {
  const arranged = new Map<Status, Arranged>()
  const changed = await statusesChangedBy({
    ...run,
    arrange: async (status) => {
      const row = await run.arrange(status)
      arranged.set(status, row)
      return row
    },
  })
  const events: Partial<Record<Status, string[]>> = {}
  for (const [status, row] of arranged) events[status] = await webhookTypesOf(t, entityOf(row))
  return { changed, events }
}

/** The events a path must have written: its type once per changed row, none elsewhere. */
export function expectedWebhookEvents<Status extends string>(
  statuses: readonly Status[],
  changed: readonly Status[],
  webhook: WebhookEventType | null
): Partial<Record<Status, string[]>> {
  return Object.fromEntries(
    statuses.map((status) => [status, webhook && changed.includes(status) ? [webhook] : []])
  ) as Partial<Record<Status, string[]>>
}

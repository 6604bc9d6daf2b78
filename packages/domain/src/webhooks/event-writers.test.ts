import { describe, expect, it } from 'vitest'
import { INVITATION_EVENTS } from '../invitation/invitation-events'
import { PREREGISTRATION_EVENTS } from '../preregistration/preregistration-events'
import { WEBHOOK_EVENT_TYPE_INFO, type WebhookEventType } from './event-types'

// domain.md §13.5 "Written by": the rows of the events tables that write each type. Creation
// (P1/P2 `preregistration.created`, I1 `invitation.queued`, A1 `association.created`) has no row.
const WRITTEN_BY = {
  'preregistration.deleted': ['DELETED'],
  'preregistration.review_decided': ['REVIEW_APPROVED', 'REVIEW_REJECTED'],
  'preregistration.expired': ['REVIEW_LAPSED', 'VALIDITY_LAPSED', 'IDENTITY_MERGED'],
  'invitation.sent': ['SEND_SUCCEEDED'],
  'invitation.failed_to_send': ['SEND_GAVE_UP'],
  'invitation.reminder_sent': ['REMINDER_SENT'],
  'invitation.expired': ['EXPIRE'],
  'invitation.renewal_requested': ['RENEWAL_REQUESTED'],
  'invitation.accepted': ['ACCEPTED', 'LINK_ACCEPTED'],
  'association.failed': ['ASSOCIATION_FAILED', 'LINK_ASSOCIATION_FAILED'],
}

function rowsWriting(table: Record<string, { webhook: string | null }>) {
  const byType: Record<string, string[]> = {}
  for (const [name, row] of Object.entries(table)) {
    if (row.webhook !== null) byType[row.webhook] = [...(byType[row.webhook] ?? []), name]
  }
  return byType
}

describe('the events tables name the webhook event each change writes (§13.5)', () => {
  it('matches the catalogue: every other row writes none', () => {
    expect({ ...rowsWriting(PREREGISTRATION_EVENTS), ...rowsWriting(INVITATION_EVENTS) }).toEqual(
      WRITTEN_BY
    )
  })

  it('names only types whose entity is the table’s', () => {
    const entities = (table: Record<string, { webhook: WebhookEventType | null }>) => [
      ...new Set(
        Object.values(table).flatMap((row) =>
          row.webhook ? [WEBHOOK_EVENT_TYPE_INFO[row.webhook].entity] : []
        )
      ),
    ]
    expect(entities(PREREGISTRATION_EVENTS)).toEqual(['preregistration'])
    expect(entities(INVITATION_EVENTS)).toEqual(['invitation'])
  })
})

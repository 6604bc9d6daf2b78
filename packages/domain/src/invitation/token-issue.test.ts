import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { at, invitation } from '../../test/fixtures'
import { appliesFrom, auditActionOf, statusAfter, writtenStatus } from '../core/state-event'
import { INVITATION_STATUSES } from '../core/statuses'
import { DAY_MS } from '../core/time'
import { INVITATION_EVENTS } from './invitation-events'
import { isReminderDue } from './reminder-schedule'
import { decideTokenIssue, tokenIssueEventOf, tokenPurposeOf } from './token-issue'
import { transitionInvitation } from './transition-invitation'

// Issue 20 (I12, R117, §12.3.4): the reminder's rows of INVITATION_EVENTS and the token issue
// decided per outbox kind.

const now = at(0)

describe('the reminder rows of INVITATION_EVENTS (§12.3.4)', () => {
  it('REMINDER_SENT goes from SENT to SENT with the audit action invitation.reminder_sent (I12)', () => {
    const row = INVITATION_EVENTS.REMINDER_SENT
    expect(row.from).toEqual(['SENT'])
    expect(writtenStatus(row)).toBe('SENT')
    expect(auditActionOf(row)).toBe('invitation.reminder_sent')
    expect(row.clock).toBe(false)
    expect(INVITATION_STATUSES.filter((status) => appliesFrom(row, status))).toEqual(['SENT'])
  })

  it('REMINDER_TOKEN_ISSUED applies from SENT only, leaves the status and records no audit (R117)', () => {
    const row = INVITATION_EVENTS.REMINDER_TOKEN_ISSUED
    expect(row.from).toEqual(['SENT'])
    expect(row.to).toBe('unchanged')
    expect(statusAfter(row, 'SENT')).toBe('SENT')
    expect(row.audit).toBeNull()
    expect(() => auditActionOf(row)).toThrow('records no audit')
  })
})

describe('token issue per outbox kind (§12.3.2)', () => {
  it('issues the first send from QUEUED or SEND_FAILED and the reminder from SENT only', () => {
    expect(tokenIssueEventOf('INVITATION_EMAIL')).toBe(INVITATION_EVENTS.TOKEN_ISSUED)
    expect(tokenIssueEventOf('INVITATION_EMAIL').from).toEqual(['QUEUED', 'SEND_FAILED'])
    expect(tokenIssueEventOf('INVITATION_REMINDER')).toBe(INVITATION_EVENTS.REMINDER_TOKEN_ISSUED)
    expect(tokenPurposeOf('INVITATION_EMAIL')).toBe('SEND')
    expect(tokenPurposeOf('INVITATION_REMINDER')).toBe('REMINDER')
  })

  it.each(INVITATION_STATUSES)('from %s, issues exactly as each kind’s row says', (status) => {
    const sent = status !== 'QUEUED' && status !== 'SEND_FAILED'
    const current = invitation({
      status,
      sentAt: sent ? at(-DAY_MS) : null,
      expiresAt: status === 'QUEUED' ? null : at(DAY_MS),
    })
    for (const kind of ['INVITATION_EMAIL', 'INVITATION_REMINDER'] as const) {
      const expected = appliesFrom(tokenIssueEventOf(kind), status) ? 'ISSUE' : 'CANCEL'
      expect([kind, decideTokenIssue({ kind, invitation: current, now })]).toEqual([kind, expected])
    }
  })

  it('cancels a reminder once the invitation has expired, or when it was never sent', () => {
    const kind = 'INVITATION_REMINDER'
    const lapsed = invitation({ status: 'SENT', expiresAt: now })
    expect(decideTokenIssue({ kind, invitation: lapsed, now })).toBe('CANCEL')
    const unsent = invitation({ status: 'SENT', sentAt: null })
    expect(decideTokenIssue({ kind, invitation: unsent, now })).toBe('CANCEL')
    expect(decideTokenIssue({ kind, invitation: invitation(), now })).toBe('ISSUE')
  })

  it('issues a reminder token for every invitation whose reminder is due (R115, R117)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INVITATION_STATUSES),
        fc.integer({ min: -10 * DAY_MS, max: 0 }),
        fc.integer({ min: 0, max: 10 * DAY_MS }),
        fc.integer({ min: 0, max: 200 }),
        (status, sentOffset, ttl, reminderHours) => {
          const sentAt = at(sentOffset)
          const expiresAt = at(sentOffset + ttl)
          const current = invitation({ status, sentAt, expiresAt })
          const due = isReminderDue({ status, sentAt, expiresAt, reminderHours, now })
          const decision = decideTokenIssue({
            kind: 'INVITATION_REMINDER',
            invitation: current,
            now,
          })
          // Due implies issue; the dispatcher issues whatever is still SENT and not expired.
          const dueIssues = !due || decision === 'ISSUE'
          const otherCancels = status === 'SENT' || decision === 'CANCEL'
          expect([dueIssues, otherCancels]).toEqual([true, true])
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe('transitionInvitation applies the reminder rows (I12, R117)', () => {
  it('records the first reminder on a SENT invitation and changes nothing else', () => {
    const sent = invitation()
    const first = transitionInvitation(sent, { type: 'REMINDER_SENT' }, now)
    expect(first).toEqual({ ok: true, value: { ...sent, reminderSentAt: now } })
    if (!first.ok) throw new Error('refused')
    // A second acceptance (a copy after a crash) keeps the first instant.
    const again = transitionInvitation(first.value, { type: 'REMINDER_SENT' }, at(60_000))
    expect(again.ok && again.value.reminderSentAt).toEqual(now)
    expect(transitionInvitation(sent, { type: 'REMINDER_TOKEN_ISSUED' }, now)).toEqual({
      ok: true,
      value: sent,
    })
  })

  it('refuses both from any other status, once expired, and before a first send', () => {
    for (const type of ['REMINDER_SENT', 'REMINDER_TOKEN_ISSUED'] as const) {
      const refused = [
        invitation({ status: 'QUEUED', sentAt: null, expiresAt: null }),
        invitation({ status: 'ACCEPTED' }),
        invitation({ status: 'SENT', expiresAt: now }),
        invitation({ status: 'SENT', sentAt: null }),
      ].map((current) => transitionInvitation(current, { type }, now).ok)
      expect([type, refused]).toEqual([type, [false, false, false, false]])
    }
  })
})

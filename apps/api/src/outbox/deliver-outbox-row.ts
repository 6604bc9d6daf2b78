import {
  computeBackoffSeconds,
  decideDeliveryFailure,
  DEFAULT_LIMITS,
  maskEmail,
} from '@partner-center/domain'
import { EmailInputError } from '@partner-center/email-templates'
import { composeMail } from './compose-mail'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryContext, PreparedMessage } from './delivery-context'
import { describeSendError, type SendFailure } from './describe-send-error'
import type { IssuedInvitation } from './issue-invitation-tokens'
import type { IssuedReminder } from './issue-reminder-tokens'
import { prepareAssociationSuccessEmail } from './prepare-association-success-email'
import { prepareEmailCodeEmail } from './prepare-email-code-email'
import { prepareInvitationEmail } from './prepare-invitation-email'
import { prepareReminderEmail } from './prepare-reminder-email'
import { prepareRenewalRequestEmail } from './prepare-renewal-request-email'
import { prepareWebhookDisabledEmail } from './prepare-webhook-disabled-email'
import { settleReminderSent } from './settle-reminder-delivery'
import type { SettleQueue } from './settle-queue'
import { settleOutboxRow, type DeliveryOutcome } from './settle-outbox-row'

async function prepareMessage(
  ctx: DeliveryContext,
  row: ClaimedRow,
  now: Date,
  options: DeliverOutboxRowOptions
): Promise<PreparedMessage | PreparedMessage[] | null> {
  switch (row.kind) {
    case 'INVITATION_EMAIL': {
      const invitation = options.issued.get(row.aggregateId)
      // Not issued: gone or no longer waiting for delivery, so the row is cancelled (R50).
      return invitation ? prepareInvitationEmail(ctx, invitation) : null
    }
    case 'INVITATION_REMINDER': {
      const reminder = options.reminders?.get(row.aggregateId)
      // No token: not SENT any more, or expired, so the reminder is cancelled (R117).
      return reminder ? prepareReminderEmail(ctx, reminder) : null
    }
    case 'ASSOCIATION_SUCCESS_EMAIL':
      return prepareAssociationSuccessEmail(ctx, row)
    case 'EMAIL_CODE':
      return prepareEmailCodeEmail(ctx, row, now)
    case 'RENEWAL_REQUEST_EMAIL':
      return prepareRenewalRequestEmail(ctx, row, now)
    case 'WEBHOOK_ENDPOINT_DISABLED_EMAIL':
      return prepareWebhookDisabledEmail(ctx, row)
  }
}

/** The messages of one row: none (cancelled), one, or one per recipient (R134's managers). */
function messagesOf(prepared: PreparedMessage | PreparedMessage[] | null): PreparedMessage[] {
  if (prepared === null) return []
  return Array.isArray(prepared) ? prepared : [prepared]
}

/** Retry after the backoff of R53, or give up on a permanent failure or the last attempt (I4):
 * the domain's `decideDeliveryFailure`. */
function failureOutcome(
  ctx: DeliveryContext,
  row: ClaimedRow,
  failure: SendFailure,
  now: Date
): DeliveryOutcome {
  const limits = {
    ...DEFAULT_LIMITS,
    OUTBOX_MAX_ATTEMPTS: ctx.config.maxAttempts,
    OUTBOX_BACKOFF_BASE_SECONDS: ctx.config.backoffBaseSeconds,
    OUTBOX_BACKOFF_CAP_SECONDS: ctx.config.backoffCapSeconds,
  }
  const decision = decideDeliveryFailure({
    replyCode: failure.replyCode,
    permanent: failure.permanent,
    attemptCount: row.attempts,
    limits,
  })
  if (decision === 'GIVE_UP') return { kind: 'failed', failure }
  const seconds = computeBackoffSeconds({ attempt: row.attempts, random: ctx.random(), limits })
  return { kind: 'retry', runAfter: new Date(now.getTime() + seconds * 1000), failure }
}

async function send(ctx: DeliveryContext, message: PreparedMessage): Promise<void> {
  await ctx.transport.sendMail(await composeMail(ctx.config.mailFrom, message))
}

/** Options of {@link deliverOutboxRow}. */
export interface DeliverOutboxRowOptions {
  /**
   * The tokens the claim issued for its invitation rows, by invitation id
   * (`issueInvitationTokens`); an invitation missing from it is no longer waiting for delivery.
   */
  issued: ReadonlyMap<string, IssuedInvitation>
  /**
   * The reminder tokens the claim issued, by invitation id (`issueReminderTokens`); an
   * invitation missing from it gets no reminder (R117).
   */
  reminders?: ReadonlyMap<string, IssuedReminder>
  /** Where an invitation attempt's result is written, grouped with the others that finish then. */
  settleQueue: SettleQueue
  /** Called once SMTP is done with the row (sent, refused or skipped), before it is settled. */
  onSmtpDone?: () => void
}

/**
 * Delivers one claimed outbox row end to end: prepare (for invitations: the token the claim
 * committed, then render), send through the pooled transport, then settle the row (and the
 * invitation with its audit event) in one statement. A row whose subject is gone or no longer
 * live is cancelled without an email. Database errors propagate: the row stays `SENDING` and its
 * lease lapses, so another claim retries it (R54: at least once).
 *
 * @example
 * await deliverOutboxRow(ctx, row, { issued, settleQueue })
 */
export async function deliverOutboxRow(
  ctx: DeliveryContext,
  row: ClaimedRow,
  options: DeliverOutboxRowOptions
): Promise<DeliveryOutcome> {
  const startedAt = ctx.clock.now()
  let outcome: DeliveryOutcome
  let to: string | undefined
  let recipients = 0
  try {
    const messages = messagesOf(await prepareMessage(ctx, row, startedAt, options))
    to = messages[0]?.to
    recipients = messages.length
    // One after another: a refusal stops the row, whose retry sends every message again.
    for (const message of messages) await send(ctx, message)
    outcome = messages.length > 0 ? { kind: 'sent' } : { kind: 'cancelled' }
  } catch (error) {
    // Errors before SMTP other than a refused render are the database's: let the lease recover.
    if (to === undefined && !(error instanceof EmailInputError)) throw error
    outcome = failureOutcome(ctx, row, describeSendError(error), ctx.clock.now())
  }
  options.onSmtpDone?.()
  const now = ctx.clock.now()
  // A reminder's acceptance also writes I12; its failures change only its own row (R118).
  const settled =
    row.kind === 'INVITATION_EMAIL' && outcome.kind !== 'cancelled'
      ? (await options.settleQueue.settle({ row, outcome })).settled
      : row.kind === 'INVITATION_REMINDER' && outcome.kind === 'sent'
        ? (await settleReminderSent(ctx.db, row, now)).settled
        : await settleOutboxRow(ctx.db, row, outcome, now)
  const fields = {
    outboxId: row.id,
    kind: row.kind,
    aggregateId: row.aggregateId,
    attempt: row.attempts,
    to: maskEmail(to),
    ...(recipients > 1 ? { recipients } : {}),
    outcome: outcome.kind,
    settled,
    ...(outcome.kind === 'retry' || outcome.kind === 'failed'
      ? { error: outcome.failure.lastError }
      : {}),
  }
  if (outcome.kind === 'sent' || outcome.kind === 'cancelled')
    ctx.logger.debug(fields, 'outbox row delivered')
  else ctx.logger.warn(fields, 'outbox delivery failed')
  return outcome
}
